package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.store.sqlite.ServerDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server, started as {@code parley server} would start it, driven by SIPp (Debian package
 * {@code sip-tester}) on loopback: many users registering with digest authentication, and calls
 * from a SIPp UAC through the proxy to a SIPp UAS that registered as a user.
 *
 * <p>SIPp 3.6.1 answers only MD5 digest challenges and reads the first {@code algorithm=} of all
 * challenge headers joined together: with the default SHA-256-first challenge it stops with
 * "createAuthHeader: authentication must use MD5 or AKAv1-MD5". The server therefore offers MD5
 * first here ({@code auth.algorithms = MD5, SHA-256}); both are still offered.
 *
 * <p>Without {@code sipp} these tests are skipped, except under {@code CI}, where they fail.
 */
class SippIT {

  private static final Logger LOG = LoggerFactory.getLogger(SippIT.class);

  private static final String DOMAIN = "parley.test";
  private static final int REGISTERING_USERS = 200;
  private static final int REGISTER_RATE_PER_SECOND = 50;
  private static final int CALLS = 20;
  private static final int CALL_RATE_PER_SECOND = 10;
  private static final int CALL_HOLD_MILLIS = 200;
  private static final String CALLER = "caller";
  private static final String CALLER_PASSWORD = "caller-secret-1";
  private static final String CALLEE = "callee";
  private static final String CALLEE_PASSWORD = "callee-secret-1";

  /** SIPp's own global timeout; reaching it fails the run. */
  private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(45);

  /** How long the test waits for a SIPp process, a little beyond its own timeout. */
  private static final Duration SIPP_DEADLINE = SIPP_TIMEOUT.plusSeconds(10);

  private static final Duration REGISTRATION_DEADLINE = Duration.ofSeconds(15);

  @TempDir Path dataDir;

  private final List<Sipp> runs = new ArrayList<>();
  private ParleyServer server;
  private int sipPort;
  private Path traces;

  @BeforeEach
  void requireSipp(TestInfo test) {
    Sipp.assumeInstalled();
    traces =
        Path.of("target", "sipp", test.getTestMethod().orElseThrow().getName()).toAbsolutePath();
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Sipp run : runs) {
      run.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void manyUsersRegisterAndUnregisterWithDigestAuthentication() throws Exception {
    List<String> csv = new ArrayList<>();
    csv.add("SEQUENTIAL");
    List<String[]> users = new ArrayList<>();
    for (int i = 1; i <= REGISTERING_USERS; i++) {
      String user = String.format("user%04d", i);
      String password = "pw-" + UUID.randomUUID();
      users.add(new String[] {user, password});
      // SIPp 3.6.1 cannot nest [field1] inside [authentication ...]; a field may hold the keyword.
      csv.add(user + ";[authentication username=" + user + " password=" + password + "]");
    }
    startServer(users);
    Files.createDirectories(traces);
    Path injection = traces.resolve("users.csv");
    Files.write(injection, csv, StandardCharsets.ISO_8859_1);

    long started = System.nanoTime();
    Sipp register =
        sipp(
            "register",
            List.of(
                "-sf",
                Sipp.scenario("register-digest.xml").toString(),
                "-inf",
                injection.toString(),
                "-m",
                String.valueOf(REGISTERING_USERS),
                "-r",
                String.valueOf(REGISTER_RATE_PER_SECOND),
                "-l",
                String.valueOf(REGISTER_RATE_PER_SECOND)));
    int exit = register.await(SIPP_DEADLINE);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(exit).as("SIPp exit code; %s", register.report()).isZero();
    assertThat(register.counter("SuccessfulCall(C)"))
        .as("registrations that got 401, 200 and 200 for the removal; %s", register.report())
        .isEqualTo(REGISTERING_USERS);
    assertThat(register.counter("FailedCall(C)")).isZero();
    LOG.info("{} users registered and unregistered with digest in {}", REGISTERING_USERS, took);
  }

  @Test
  void callsFromAUacReachARegisteredUasThroughTheProxy() throws Exception {
    startServer(
        List.of(new String[] {CALLER, CALLER_PASSWORD}, new String[] {CALLEE, CALLEE_PASSWORD}));
    // The test ends the UAS's registration with an OPTIONS on this Call-ID (see uas-registered).
    String uasCallIdPrefix = "uas-registration-" + UUID.randomUUID() + "-";
    Sipp uas =
        sipp(
            "uas",
            List.of(
                "-sf",
                Sipp.scenario("uas-registered.xml").toString(),
                "-oocsf",
                Sipp.scenario("uas-answer.xml").toString(),
                "-key",
                "user",
                CALLEE,
                "-au",
                CALLEE,
                "-ap",
                CALLEE_PASSWORD,
                "-cid_str",
                uasCallIdPrefix + "%u",
                "-trace_logs",
                "-log_file",
                traces.resolve("uas-calls.log").toString(),
                "-m",
                "1"));
    awaitBinding(CALLEE, CALLEE_PASSWORD, uas);

    long started = System.nanoTime();
    Sipp uac =
        sipp(
            "uac",
            List.of(
                "-sf",
                Sipp.scenario("uac-call.xml").toString(),
                "-key",
                "caller",
                CALLER,
                "-key",
                "callee",
                CALLEE,
                "-au",
                CALLER,
                "-ap",
                CALLER_PASSWORD,
                "-d",
                String.valueOf(CALL_HOLD_MILLIS),
                "-m",
                String.valueOf(CALLS),
                "-r",
                String.valueOf(CALL_RATE_PER_SECOND),
                "-l",
                String.valueOf(CALLS)));
    int uacExit = uac.await(SIPP_DEADLINE);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    int optionsStatus = endUasRegistration(uasCallIdPrefix + "1");
    int uasExit = uas.await(SIPP_DEADLINE);

    assertThat(uacExit).as("UAC exit code; %s", uac.report()).isZero();
    assertThat(uac.counter("SuccessfulCall(C)"))
        .as("calls set up, answered and hung up; %s", uac.report())
        .isEqualTo(CALLS);
    assertThat(uac.counter("FailedCall(C)")).isZero();
    assertThat(optionsStatus).as("OPTIONS through the proxy to the UAS").isEqualTo(200);
    assertThat(uasExit).as("UAS exit code; %s", uas.report()).isZero();
    assertThat(uas.counter("SuccessfulCall(C)")).as("UAS registered and unregistered").isOne();
    assertThat(answeredCalls())
        .as("calls the UAS answered and saw hung up; %s", uas.report())
        .isEqualTo(CALLS);
    assertThat(uas.lines("errors.log"))
        .as("the UAS aborted no call")
        .noneMatch(line -> line.contains("Abort"));
    LOG.info("{} calls through the proxy to a registered SIPp UAS in {}", CALLS, took);
  }

  private void startServer(List<String[]> users) throws Exception {
    sipPort = FreePorts.udpAndTcp();
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(dataDir)
                .domain(DOMAIN)
                .bindAddress("127.0.0.1")
                .sipPort(sipPort)
                .tlsPort(0)
                .httpPort(0)
                // Both algorithms, MD5 first: SIPp 3.6.1 reads only the first challenge's
                // algorithm, so this checks the order that lets it in (ADR 0009).
                .authAlgorithms(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)));
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      UserAdministration administration = new UserAdministration(database.users(), DOMAIN);
      for (String[] user : users) {
        administration.add(user[0], user[1].toCharArray());
      }
    }
    server = ParleyServer.start(config, "sipp-it");
  }

  /** Starts SIPp against the server, with {@code [domain]} set for the scenarios. */
  private Sipp sipp(String name, List<String> options) throws IOException {
    List<String> all = new ArrayList<>(List.of("-key", "domain", DOMAIN));
    all.addAll(options);
    Sipp run = Sipp.start(name, traces, "127.0.0.1:" + sipPort, SIPP_TIMEOUT, all);
    runs.add(run);
    return run;
  }

  /**
   * Asks the registrar, as RFC 3261 §10.2.3 allows (a REGISTER without Contact), until it lists the
   * UAS's address, so no call is placed before the callee is reachable.
   */
  private void awaitBinding(String user, String password, Sipp uas) throws Exception {
    String expected = "@127.0.0.1:" + uas.localPort();
    long deadline = System.nanoTime() + REGISTRATION_DEADLINE.toNanos();
    try (RawSipClient client = RawSipClient.udp(sipPort)) {
      for (int attempt = 0; attempt < 150 && System.nanoTime() < deadline; attempt++) {
        List<String> contacts = fetchBindings(client, user, password);
        if (contacts.stream().anyMatch(contact -> contact.contains(expected))) {
          return;
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError(
        "The UAS did not register within " + REGISTRATION_DEADLINE + "; " + uas.report());
  }

  private List<String> fetchBindings(RawSipClient client, String user, String password)
      throws IOException {
    String callId = "binding-query-" + UUID.randomUUID();
    client.send(bindingQuery(client, user, callId, 1, null));
    SipMessage challenge = client.receive(SipMessage::isResponse);
    assertThat(challenge.status()).as("challenge to the binding query").isEqualTo(401);
    String authorization =
        DigestClient.authorization(
            challenge.header("WWW-Authenticate"), user, password, "REGISTER", "sip:" + DOMAIN);
    client.send(bindingQuery(client, user, callId, 2, authorization));
    SipMessage answer = client.receive(SipMessage::isResponse);
    assertThat(answer.status()).as("answer to the authenticated binding query").isEqualTo(200);
    return answer.headers("Contact");
  }

  private static String bindingQuery(
      RawSipClient client, String user, String callId, int cseq, String authorization) {
    return "REGISTER sip:"
        + DOMAIN
        + " SIP/2.0\nVia: "
        + client.via()
        + "\nMax-Forwards: 70\nFrom: <sip:"
        + user
        + "@"
        + DOMAIN
        + ">;tag=query\nTo: <sip:"
        + user
        + "@"
        + DOMAIN
        + ">\nCall-ID: "
        + callId
        + "\nCSeq: "
        + cseq
        + " REGISTER"
        + (authorization == null ? "" : "\nAuthorization: " + authorization);
  }

  /** Sends the UAS's registration call an OPTIONS through the proxy; returns the final status. */
  private int endUasRegistration(String callId) throws IOException {
    try (RawSipClient client = RawSipClient.udp(sipPort)) {
      client.send(
          "OPTIONS sip:"
              + CALLEE
              + "@"
              + DOMAIN
              + " SIP/2.0\nVia: "
              + client.via()
              + "\nMax-Forwards: 70\nFrom: <sip:sipp-it@test.invalid>;tag=it\nTo: <sip:"
              + CALLEE
              + "@"
              + DOMAIN
              + ">\nCall-ID: "
              + callId
              + "\nCSeq: 1 OPTIONS");
      return client.receive(message -> message.isResponse() && message.status() >= 200).status();
    }
  }

  private long answeredCalls() throws IOException {
    Path log = traces.resolve("uas-calls.log");
    if (!Files.exists(log)) {
      return 0;
    }
    return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
        .filter(line -> line.contains("answered "))
        .count();
  }
}
