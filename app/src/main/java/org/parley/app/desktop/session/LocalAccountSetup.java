package org.parley.app.desktop.session;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.account.AccountCredentials;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.AccountSettingsStore;
import org.parley.core.account.ServerAddress;
import org.parley.core.contacts.Contact;
import org.parley.core.contacts.ContactStore;
import org.parley.core.credentials.CredentialStoreException;
import org.parley.core.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First run: with no account in the profile, creates a user on the embedded server with a random
 * password (kept only in the credential store), an account for it and an "Echo test" contact; on
 * later runs, starts the embedded server again wherever that account points.
 */
final class LocalAccountSetup {

  static final String PORT_KEY = "embedded.sipPort";
  static final String ACCOUNT_KEY = "embedded.accountId";
  static final String ECHO_TEST_NAME = "Echo test";
  private static final int PASSWORD_BYTES = 18;
  private static final Logger LOG = LoggerFactory.getLogger(LocalAccountSetup.class);

  private final AccountSettingsStore accounts;
  private final SettingsStore settings;
  private final AccountCredentials credentials;
  private final ContactStore contacts;
  private final Path serverDir;
  private final SecureRandom random = new SecureRandom();

  LocalAccountSetup(
      AccountSettingsStore accounts,
      SettingsStore settings,
      AccountCredentials credentials,
      ContactStore contacts,
      Path serverDir) {
    this.accounts = accounts;
    this.settings = settings;
    this.credentials = credentials;
    this.contacts = contacts;
    this.serverDir = serverDir;
  }

  /** The embedded server this profile needs, started; empty when it uses other servers only. */
  Optional<EmbeddedServer> start() throws SessionException {
    int port = settings.getInt(PORT_KEY, 0);
    if (port == 0) {
      return accounts.list().isEmpty() ? Optional.of(firstRun()) : Optional.empty();
    }
    try {
      return Optional.of(EmbeddedServer.start(serverDir, port));
    } catch (SessionException portTaken) {
      // Another program took the port since the last run: move the server and its account.
      LOG.info("Embedded server port {} unusable ({}); moving", port, portTaken.getMessage());
      int newPort = LoopbackPorts.freeUdpAndTcp();
      EmbeddedServer server = EmbeddedServer.start(serverDir, newPort);
      settings.putInt(PORT_KEY, newPort);
      long accountId = settings.getInt(ACCOUNT_KEY, 0);
      accounts.find(accountId).ifPresent(account -> accounts.save(pointedAt(account, newPort)));
      return Optional.of(server);
    }
  }

  private EmbeddedServer firstRun() throws SessionException {
    int port = LoopbackPorts.freeUdpAndTcp();
    String user = localUserName(System.getProperty("user.name", ""));
    char[] password = randomPassword();
    try {
      EmbeddedServer.addUser(serverDir, port, user, password);
      EmbeddedServer server = EmbeddedServer.start(serverDir, port);
      AccountSettings account =
          accounts.save(
              pointedAt(
                  AccountSettings.of(user, "sip:" + user + "@" + EmbeddedServer.DOMAIN), port));
      credentials.setPassword(account, password);
      settings.putInt(PORT_KEY, port);
      settings.putInt(ACCOUNT_KEY, (int) account.id());
      contacts.add(new Contact(0, ECHO_TEST_NAME, "sip:echo@" + EmbeddedServer.DOMAIN, "", true));
      LOG.info("First run: created {} on the embedded server", account.addressOfRecord());
      return server;
    } catch (CredentialStoreException e) {
      throw new SessionException("The password could not be stored: " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static AccountSettings pointedAt(AccountSettings account, int port) {
    return new AccountSettings(
        account.id(),
        account.displayName(),
        account.addressOfRecord(),
        account.authUser(),
        Optional.of(ServerAddress.parse(EmbeddedServer.LOOPBACK + ":" + port, port)),
        account.transport(),
        account.expiresSeconds(),
        account.enabled());
  }

  /** The OS user name reduced to what the server accepts in a user name, else "me". */
  static String localUserName(String osUser) {
    String cleaned = osUser.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
    cleaned = cleaned.replaceAll("^[._-]+", "");
    if (cleaned.isEmpty() || cleaned.equals("echo")) {
      return "me";
    }
    return cleaned.length() > 32 ? cleaned.substring(0, 32) : cleaned;
  }

  private char[] randomPassword() {
    byte[] bytes = new byte[PASSWORD_BYTES];
    random.nextBytes(bytes);
    // Encoded to bytes, not a String, so the password can be wiped after use.
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);
    char[] password = new char[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      password[i] = (char) encoded[i];
    }
    Arrays.fill(encoded, (byte) 0);
    return password;
  }
}
