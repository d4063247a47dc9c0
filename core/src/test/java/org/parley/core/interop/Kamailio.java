package org.parley.core.interop;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;

/**
 * Kamailio 5.6 (Debian package {@code kamailio}) in a child process on loopback: the registrar and
 * proxy of {@code src/test/resources/kamailio/kamailio.cfg}, with digest users in a db_text table
 * this class writes, and its log in the test's folder.
 */
final class Kamailio implements AutoCloseable {

  /** Where Debian installs the binary; {@code /usr/sbin} is not on every user's PATH. */
  private static final Path BINARY = Path.of("/usr/sbin/kamailio");

  private static final Path MODULE_DIR = Path.of("/usr/lib/x86_64-linux-gnu/kamailio/modules");

  /** The modules the configuration loads; all in the base package, none in an extra one. */
  private static final String[] MODULES = {
    "db_text",
    "tm",
    "sl",
    "rr",
    "pv",
    "maxfwd",
    "usrloc",
    "registrar",
    "textops",
    "siputils",
    "xlog",
    "auth",
    "auth_db"
  };

  /** The presence server's modules (Debian package {@code kamailio-presence-modules}). */
  private static final String[] PRESENCE_MODULES = {"presence", "presence_xml"};

  /**
   * The db_text table definitions Debian ships for the installed version; the presence module
   * checks its tables' versions at start-up even when it keeps everything in memory.
   */
  private static final Path DBTEXT_SCHEMA = Path.of("/usr/share/kamailio/dbtext/kamailio");

  private static final List<String> PRESENCE_TABLES =
      List.of("presentity", "active_watchers", "watchers", "xcap");

  private static final Duration READY_DEADLINE = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;
  private final int port;

  private Kamailio(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Whether the binary and every module the configuration loads are installed. */
  static boolean installed() {
    if (!Files.isExecutable(BINARY)) {
      return false;
    }
    for (String module : MODULES) {
      if (!Files.isRegularFile(MODULE_DIR.resolve(module + ".so"))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the presence server's modules and their db_text table definitions are installed. */
  static boolean presenceInstalled() {
    for (String module : PRESENCE_MODULES) {
      if (!Files.isRegularFile(MODULE_DIR.resolve(module + ".so"))) {
        return false;
      }
    }
    return PRESENCE_TABLES.stream()
        .allMatch(table -> Files.isRegularFile(DBTEXT_SCHEMA.resolve(table)));
  }

  /**
   * Writes the configuration and the subscriber table into {@code folder}, starts Kamailio in the
   * foreground and waits until it answers an OPTIONS.
   *
   * @param users user name to plain password, all in {@code domain} (also the digest realm)
   */
  static Kamailio start(Path folder, String domain, Map<String, String> users)
      throws IOException, InterruptedException {
    return start(folder, domain, users, false);
  }

  /**
   * Like {@link #start(Path, String, Map)}, and with {@code presence} also a presence server (RFC
   * 3856/3903: {@code presence} and {@code presence_xml}, all state in memory) for the users.
   */
  static Kamailio start(Path folder, String domain, Map<String, String> users, boolean presence)
      throws IOException, InterruptedException {
    Path db = Files.createDirectories(folder.resolve("db"));
    StringBuilder versions = new StringBuilder("0:subscriber:7\n");
    if (presence) {
      versions.append(presenceTables(db));
    }
    // db_text tables: a header line of typed columns, then one row per line, ':' between values.
    Files.writeString(
        db.resolve("version"),
        "id(int,auto) table_name(string) table_version(int) \n" + versions,
        StandardCharsets.US_ASCII);
    StringBuilder subscribers =
        new StringBuilder(
            "id(int,auto) username(string) domain(string) password(string) ha1(string)"
                + " ha1b(string) \n");
    int id = 1;
    for (Map.Entry<String, String> user : users.entrySet()) {
      subscribers.append(id++).append(':').append(user.getKey()).append(':').append(domain);
      subscribers.append(':').append(user.getValue()).append(":-:-\n");
    }
    Files.writeString(db.resolve("subscriber"), subscribers, StandardCharsets.US_ASCII);

    int port = FreePorts.udpAndTcp();
    String config;
    try (InputStream template = Kamailio.class.getResourceAsStream("/kamailio/kamailio.cfg")) {
      if (template == null) {
        throw new IOException("kamailio/kamailio.cfg is not on the test class path");
      }
      config = new String(template.readAllBytes(), StandardCharsets.US_ASCII);
    }
    config =
        config
            .replace("@SIP_PORT@", Integer.toString(port))
            .replace("@DB_DIR@", db.toAbsolutePath().toString())
            .replace("@MODULE_DIR@", MODULE_DIR.toString());
    Path configFile = folder.resolve("kamailio.cfg");
    Files.writeString(configFile, config, StandardCharsets.US_ASCII);

    Path log = folder.resolve("kamailio.log");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            BINARY.toString(),
            "-f",
            configFile.toAbsolutePath().toString(),
            "-DD", // stay in the foreground, so destroying the process stops it
            "-E", // log to stderr, which goes to the log file
            "-m",
            "32", // MB of shared memory; the default 64 is more than a test needs
            "-M",
            "8",
            "-Y",
            folder.toAbsolutePath().toString(),
            "-P",
            folder.resolve("kamailio.pid").toAbsolutePath().toString()));
    if (presence) {
      command.addAll(List.of("-A", "WITH_PRESENCE")); // the configuration's #!ifdef part
    }
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Kamailio kamailio = new Kamailio(process, log, port);
    try {
      kamailio.awaitReady();
    } catch (IOException | RuntimeException e) {
      kamailio.close();
      throw e;
    }
    return kamailio;
  }

  /**
   * Copies the presence tables' definitions into {@code db} and returns their rows for the version
   * table.
   */
  private static String presenceTables(Path db) throws IOException {
    for (String table : PRESENCE_TABLES) {
      // Replaced: the folder under target/ may hold a previous run's tables.
      Files.copy(
          DBTEXT_SCHEMA.resolve(table), db.resolve(table), StandardCopyOption.REPLACE_EXISTING);
    }
    StringBuilder rows = new StringBuilder();
    for (String row : Files.readAllLines(DBTEXT_SCHEMA.resolve("version"))) {
      String[] fields = row.split(":");
      if (fields.length == 3 && PRESENCE_TABLES.contains(fields[1])) {
        rows.append(row).append('\n');
      }
    }
    return rows.toString();
  }

  /** The UDP port it listens on, on 127.0.0.1. */
  int port() {
    return port;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
    try (RawSipClient client = RawSipClient.udp(port)) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IOException("kamailio exited with " + process.exitValue() + "; " + logTail());
        }
        client.send(
            "OPTIONS sip:127.0.0.1:"
                + port
                + " SIP/2.0\nVia: "
                + client.via()
                + "\nMax-Forwards: 70\nFrom: <sip:probe@test.invalid>;tag=probe\n"
                + "To: <sip:127.0.0.1>\nCall-ID: ready-"
                + UUID.randomUUID()
                + "\nCSeq: 1 OPTIONS");
        try {
          if (client.receive(Duration.ofMillis(200)).status() == 200) {
            return;
          }
        } catch (SocketTimeoutException notYet) {
          // not listening yet: probe again
        }
      }
    }
    throw new IOException("kamailio did not answer within " + READY_DEADLINE + "; " + logTail());
  }

  /**
   * How many requests with this method and Request-URI prefix Kamailio logged on arrival (the
   * configuration logs every request).
   */
  long requestsLogged(String method, String requestUriPrefix) throws IOException {
    String logged = "request " + method + " " + requestUriPrefix;
    try (java.util.stream.Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains(logged)).count();
    }
  }

  /** The end of Kamailio's log, for failure messages. */
  String logTail() {
    try {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      return "kamailio log " + log + ":\n" + text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "(kamailio log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Stops Kamailio (SIGTERM, which it passes to its children), forcibly if it lingers. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    // Its workers would keep the port if the main process died before stopping them.
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
