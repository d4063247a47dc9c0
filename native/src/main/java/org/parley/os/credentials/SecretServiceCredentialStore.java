package org.parley.os.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.parley.core.credentials.CredentialStoreException;
import org.parley.os.SessionBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps passwords in the freedesktop Secret Service (GNOME Keyring, KDE Wallet, KeePassXC) through
 * libsecret's {@code secret-tool}: each item carries the attributes {@code application=parley} and
 * {@code account=<key>} and a label such as "Parley password for sip:alice@example.com". Secrets
 * travel only through the child's standard input and output, never its command line.
 */
public final class SecretServiceCredentialStore implements OsCredentialStore {

  /** Long enough for a person to answer an unlock prompt, short enough not to hang forever. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(SecretServiceCredentialStore.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final String TOOL = "secret-tool";
  private static final String PROBE_KEY = "parley-probe";
  private static final int MAX_DETAIL_CHARS = 200;

  /** secret-tool reads at most this much of its standard input and silently drops the rest. */
  static final int MAX_SECRET_BYTES = 8192;

  private final Map<String, String> environment;
  private final Duration timeout;

  /**
   * @param environment the child's whole environment; {@code DBUS_SESSION_BUS_ADDRESS} picks the
   *     session bus (and so the keyring) to talk to
   * @param timeout how long one call may take before the child is killed
   */
  public SecretServiceCredentialStore(Map<String, String> environment, Duration timeout) {
    this.environment = Map.copyOf(environment);
    this.timeout = timeout;
  }

  @Override
  public void put(String accountKey, char[] secret) throws CredentialStoreException {
    byte[] stdin = utf8(secret);
    if (stdin.length > MAX_SECRET_BYTES) {
      Arrays.fill(stdin, (byte) 0);
      throw new CredentialStoreException(
          "Cannot store the password for "
              + accountKey
              + ": the Secret Service tool takes at most "
              + MAX_SECRET_BYTES
              + " bytes",
          null);
    }
    List<String> command =
        attributes(List.of(TOOL, "store", "--label=Parley password for " + accountKey), accountKey);
    ChildProcess.Result result = run(command, stdin, timeout, "store the password");
    wipe(result);
    if (result.exitCode() != 0) {
      throw failure("store the password for " + accountKey, result);
    }
  }

  @Override
  public Optional<char[]> get(String accountKey) throws CredentialStoreException {
    ChildProcess.Result result = lookup(accountKey, timeout);
    try {
      if (result.exitCode() == 0) {
        return Optional.of(chars(result.stdout()));
      }
      if (nothingFound(result)) {
        failIfLocked(accountKey);
        return Optional.empty();
      }
      throw failure("read the password for " + accountKey, result);
    } finally {
      wipe(result);
    }
  }

  @Override
  public void remove(String accountKey) throws CredentialStoreException {
    List<String> command = attributes(List.of(TOOL, "clear"), accountKey);
    ChildProcess.Result result = run(command, new byte[0], timeout, "remove the password");
    if (result.exitCode() != 0 && !nothingFound(result)) {
      throw failure("remove the password for " + accountKey, result);
    }
  }

  @Override
  public boolean usable() {
    if (SessionBus.address(environment).isEmpty()) {
      // Without one, libsecret tries to autolaunch a bus through dbus-launch: seconds of start-up
      // (3.5 s measured at a loaded launch) for an answer that is always no.
      LOG.info("The Secret Service is not usable here: no D-Bus session bus");
      return false;
    }
    try {
      ChildProcess.Result result = lookup(PROBE_KEY, PROBE_TIMEOUT);
      wipe(result);
      boolean answered = result.exitCode() == 0 || nothingFound(result);
      if (!answered) {
        LOG.info("The Secret Service is not usable here: {}", detail(result));
      }
      return answered;
    } catch (CredentialStoreException e) {
      LOG.info("The Secret Service is not usable here: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public String description() {
    return "Secret Service keyring (items labelled \"Parley password for …\")";
  }

  // A lookup answers "nothing" for an item in a locked keyring, without prompting; a search still
  // lists the item (its attributes are not secret), so "locked" and "absent" can be told apart.
  private void failIfLocked(String accountKey) throws CredentialStoreException {
    ChildProcess.Result search =
        run(attributes(List.of(TOOL, "search"), accountKey), new byte[0], timeout, "search");
    boolean listed = search.exitCode() == 0 && search.stdout().length > 0;
    wipe(search);
    if (listed) {
      throw new CredentialStoreException(
          "Cannot read the password for "
              + accountKey
              + ": the keyring is locked; unlock it (for example in Seahorse) and try again",
          null);
    }
  }

  private ChildProcess.Result lookup(String accountKey, Duration limit)
      throws CredentialStoreException {
    return run(attributes(List.of(TOOL, "lookup"), accountKey), new byte[0], limit, "look up");
  }

  private ChildProcess.Result run(List<String> command, byte[] stdin, Duration limit, String what)
      throws CredentialStoreException {
    try {
      List<String> resolved = new ArrayList<>(command);
      resolved.set(0, executable(command.get(0)));
      return ChildProcess.run(resolved, environment, stdin, limit);
    } catch (TimeoutException e) {
      throw new CredentialStoreException(
          "The Secret Service did not answer within "
              + limit.toSeconds()
              + " s (a locked keyring may be waiting for its password) when asked to "
              + what,
          e);
    } catch (IOException e) {
      throw new CredentialStoreException(
          "Cannot run " + TOOL + " (install the package libsecret-tools) to " + what, e);
    }
  }

  // Looked up on the given environment's PATH, not the JVM's, so the environment decides fully.
  private String executable(String program) throws IOException {
    for (String folder : environment.getOrDefault("PATH", "").split(":")) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
        return Path.of(folder, program).toString();
      }
    }
    throw new IOException(program + " is not on the PATH");
  }

  private static List<String> attributes(List<String> head, String accountKey) {
    List<String> command = new ArrayList<>(head);
    command.addAll(List.of("application", "parley", "account", accountKey));
    return command;
  }

  // secret-tool exits with 1 and says nothing when no item matches; every real error has a text.
  private static boolean nothingFound(ChildProcess.Result result) {
    return result.exitCode() == 1 && result.stderr().isBlank();
  }

  private static CredentialStoreException failure(String what, ChildProcess.Result result) {
    String detail = detail(result);
    String lower = detail.toLowerCase(Locale.ROOT);
    String why;
    if (lower.contains("locked")) {
      why = "the keyring is locked; unlock it (for example in Seahorse) and try again";
    } else if (lower.contains("could not connect")
        || lower.contains("autolaunch")
        || lower.contains("not provided by any .service")
        || lower.contains("was not provided")) {
      why = "no Secret Service is running on this session's D-Bus";
    } else if (lower.contains("does not exist")) {
      why = "the keyring has no default collection; create one (for example in Seahorse)";
    } else {
      why = "the Secret Service refused";
    }
    return new CredentialStoreException(
        "Cannot " + what + ": " + why + " (" + TOOL + ": " + detail + ")", null);
  }

  // secret-tool's error text names the failure, never the secret; kept short for dialogs and logs.
  private static String detail(ChildProcess.Result result) {
    String text = result.stderr().strip().replaceFirst("^secret-tool: ", "");
    int newline = text.indexOf('\n');
    String firstLine = newline < 0 ? text : text.substring(0, newline);
    String trimmed =
        firstLine.length() > MAX_DETAIL_CHARS
            ? firstLine.substring(0, MAX_DETAIL_CHARS)
            : firstLine;
    return trimmed.isEmpty() ? "exit code " + result.exitCode() : trimmed;
  }

  private static byte[] utf8(char[] secret) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  private static char[] chars(byte[] bytes) throws CredentialStoreException {
    try {
      CharBuffer decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      char[] secret = new char[decoded.remaining()];
      decoded.get(secret);
      if (decoded.hasArray()) {
        Arrays.fill(decoded.array(), '\0');
      }
      return secret;
    } catch (CharacterCodingException e) {
      throw new CredentialStoreException("The stored password is not valid UTF-8", e);
    }
  }

  private static void wipe(ChildProcess.Result result) {
    Arrays.fill(result.stdout(), (byte) 0);
  }
}
