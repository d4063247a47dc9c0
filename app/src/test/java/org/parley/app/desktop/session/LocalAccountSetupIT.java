package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.account.AccountCredentials;
import org.parley.core.account.AccountSettings;
import org.parley.core.contacts.Contact;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.store.sqlite.ProfileDatabase;

/** First run and later runs against a real embedded server in a temporary profile. */
class LocalAccountSetupIT {

  @TempDir Path profile;

  private ProfileDatabase database;
  private CredentialStore credentials;

  @BeforeEach
  void open() {
    database = ProfileDatabase.open(profile);
    credentials = DesktopSession.credentialStore(profile);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void firstRunCreatesALocalAccountWithAStoredPasswordAndTheEchoTestContact() throws Exception {
    AccountSettings account;
    int port;
    try (EmbeddedServer server = setup().start().orElseThrow()) {
      port = server.sipPort();
      List<AccountSettings> accounts = database.accounts().list();
      assertThat(accounts).hasSize(1);
      account = accounts.get(0);
    }
    assertThat(account.addressOfRecord()).matches("sip:[a-z0-9._-]+@localhost");
    assertThat(account.outboundProxy().orElseThrow().toString()).isEqualTo("127.0.0.1:" + port);
    char[] password = credentials.get(account.credentialKey()).orElseThrow();
    // 18 random bytes in URL-safe Base64 without padding.
    assertThat(password).hasSize(24);
    assertThat(database.contacts().all())
        .containsExactly(new Contact(1, "Echo test", "sip:echo@localhost", "", true));
  }

  @Test
  void laterRunsReuseTheAccountAndThePort() throws Exception {
    int firstPort;
    try (EmbeddedServer first = setup().start().orElseThrow()) {
      firstPort = first.sipPort();
    }
    try (EmbeddedServer again = setup().start().orElseThrow()) {
      assertThat(again.sipPort()).isEqualTo(firstPort);
    }
    assertThat(database.accounts().list()).hasSize(1);
    assertThat(database.contacts().all()).hasSize(1);
  }

  @Test
  void aTakenPortMovesTheServerAndItsAccount() throws Exception {
    int firstPort;
    try (EmbeddedServer first = setup().start().orElseThrow()) {
      firstPort = first.sipPort();
    }
    try (DatagramSocket squatter =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), firstPort));
        EmbeddedServer moved = setup().start().orElseThrow()) {
      assertThat(squatter.isBound()).isTrue();
      assertThat(moved.sipPort()).isNotEqualTo(firstPort);
      assertThat(database.accounts().list().get(0).outboundProxy().orElseThrow().port())
          .isEqualTo(moved.sipPort());
    }
  }

  @Test
  void aProfileWithItsOwnAccountsStartsNoServer() throws Exception {
    database.accounts().save(AccountSettings.of("Alice", "sip:alice@office.example"));

    assertThat(setup().start()).isEqualTo(Optional.empty());
  }

  @Test
  void osUserNamesAreMadeSafeForTheServer() {
    assertThat(LocalAccountSetup.localUserName("Jane Doe")).isEqualTo("janedoe");
    assertThat(LocalAccountSetup.localUserName("..x")).isEqualTo("x");
    assertThat(LocalAccountSetup.localUserName("Ünïcødé")).isEqualTo("ncd");
    assertThat(LocalAccountSetup.localUserName("")).isEqualTo("me");
    assertThat(LocalAccountSetup.localUserName("echo")).isEqualTo("me");
  }

  private LocalAccountSetup setup() {
    return new LocalAccountSetup(
        database.accounts(),
        database.settings(),
        new AccountCredentials(credentials),
        database.contacts(),
        profile.resolve("server"));
  }
}
