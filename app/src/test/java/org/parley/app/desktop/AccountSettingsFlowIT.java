package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.app.desktop.FxQueries.await;
import static org.parley.app.desktop.FxQueries.signedInAs;
import static org.parley.app.desktop.FxQueries.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.EmbeddedServer;
import org.parley.app.desktop.viewmodel.AccountsViewModel.AccountStatus;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.Transport;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.RegistrationEvents;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Settings > Accounts as a user works it: an account is edited (checked first, saved, registered
 * again in place of its old binding, still there after a restart), and a TLS server with a
 * self-signed certificate is trusted from the error and stays trusted after a restart.
 */
@ExtendWith(ApplicationExtension.class)
class AccountSettingsFlowIT {

  @TempDir Path profile;
  @TempDir Path certificates;

  private Stage stage;
  private DesktopApp app;
  private BundledServer tlsServer;

  @Start
  void start(Stage window) {
    stage = window;
    app = newApp();
    app.start(stage);
  }

  private DesktopApp newApp() {
    return TestDesktops.playingTone(profile, 600, new RecordingSink(TestDesktops.RATE_HZ));
  }

  @AfterEach
  void stop() throws Exception {
    app.shutdown().get(15, TimeUnit.SECONDS);
    if (tlsServer != null) {
      tlsServer.close();
    }
  }

  @Test
  void anEditedAccountIsCheckedThenSavedAndRegisteredAgainInPlaceOfItsOldBinding(FxRobot robot)
      throws Exception {
    signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();
    EmbeddedServer.addUser(
        profile.resolve("server"), port, "carol", "carol-password".toCharArray());
    openSettings(robot);
    robot.clickOn("#account-address").write("carol@localhost");
    robot.clickOn("#account-password").write("carol-password");
    robot.clickOn("#account-server").write("127.0.0.1:" + port);
    press(robot, "#account-add");
    awaitText(robot, "#account-message", "sip:carol@localhost works and is saved.");
    await(() -> text(robot, "#registration-status").equals("2 of 2 accounts signed in"));
    // Its call encryption can be chosen at once, without opening the settings again.
    await(
        () ->
            robot
                .lookup("#account-encryption-1")
                .tryQuery()
                .map(Node::getAccessibleText)
                .orElse("")
                .contains("sip:carol@localhost"));

    select(robot, "sip:carol@localhost");
    press(robot, "#account-edit");
    await(() -> text(robot, "#account-form-title").equals("Edit sip:carol@localhost"));
    assertThat(robot.lookup("#account-password").queryTextInputControl().getText()).isEmpty();
    robot.clickOn("#account-name").press(KeyCode.CONTROL).type(KeyCode.A);
    robot.release(KeyCode.CONTROL).write("Carol Cook");
    transport(robot, Transport.TCP);
    robot.clickOn("#account-password").write("wrong-password");
    press(robot, "#account-add");
    await(() -> text(robot, "#account-message").startsWith("The server did not accept"));
    assertThat(stored("sip:carol@localhost"))
        .extracting(AccountSettings::displayName, AccountSettings::transport)
        .containsExactly("carol", Transport.UDP);

    // An empty password field keeps the stored (right) password.
    robot.clickOn("#account-password").press(KeyCode.CONTROL).type(KeyCode.A);
    robot.release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
    assertThat(robot.lookup("#account-password").queryTextInputControl().getText()).isEmpty();
    press(robot, "#account-add");
    awaitText(
        robot,
        "#account-message",
        "sip:carol@localhost works; the changes are saved and it signs in again.");
    await(() -> text(robot, "#registration-status").equals("2 of 2 accounts signed in"));
    assertThat(stored("sip:carol@localhost"))
        .extracting(AccountSettings::displayName, AccountSettings::transport)
        .containsExactly("Carol Cook", Transport.TCP);
    // The registrar holds the edited account's TCP binding and no longer the old UDP one.
    List<String> contacts = carolsContacts(port);
    assertThat(contacts).hasSize(2);
    assertThat(contacts).filteredOn(c -> c.contains("transport=tcp")).hasSize(1);

    restart(robot);
    await(() -> text(robot, "#registration-status").equals("2 of 2 accounts signed in"));
    assertThat(stored("sip:carol@localhost").transport()).isEqualTo(Transport.TCP);

    openSettings(robot);
    select(robot, "sip:carol@localhost");
    press(robot, "#account-remove");
    press(robot, "#account-remove-confirm");
    awaitText(robot, "#account-message", "sip:carol@localhost is signed out and removed.");
    await(() -> text(robot, "#registration-status").startsWith("Ready: signed in as "));
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      assertThat(database.accounts().list())
          .extracting(AccountSettings::addressOfRecord)
          .doesNotContain("sip:carol@localhost");
    }
    assertThat(Files.readString(profile.resolve("credentials.properties")))
        .doesNotContain("parley-account-2=");
    // Only the second device's own binding is left.
    assertThat(carolsContacts(port)).hasSize(1);
  }

  @Test
  void afterTheFirstAccountIsEditedItsPresenceStillWatchesContacts(FxRobot robot) throws Exception {
    String me = signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();
    openSettings(robot);
    select(robot, me);
    press(robot, "#account-edit");
    await(() -> text(robot, "#account-form-title").equals("Edit " + me));
    robot.clickOn("#account-name").press(KeyCode.CONTROL).type(KeyCode.A);
    robot.release(KeyCode.CONTROL).write("Desk");
    press(robot, "#account-add");
    awaitText(
        robot, "#account-message", me + " works; the changes are saved and it signs in again.");
    await(() -> text(robot, "#registration-status").equals("Ready: signed in as " + me));
    robot.clickOn("#settings-close");

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob")) {
      // The edited account runs as a new Account: presence must watch from that one.
      FxQueries.addBusyBuddy(robot, bob, "Bob");
    }
  }

  @Test
  void aSelfSignedServerCertificateIsShownTrustedFromTheErrorAndStaysTrusted(FxRobot robot)
      throws Exception {
    tlsServer =
        BundledServer.builder()
            .tls(BundledServer.DOMAIN, certificates)
            .start()
            .user("alice", "wonder");
    signedInAs(robot);
    openSettings(robot);
    robot.clickOn("#account-address").write("alice@" + BundledServer.DOMAIN);
    robot.clickOn("#account-password").write("wonder");
    robot.clickOn("#account-server").write("127.0.0.1:" + tlsServer.tlsPort());
    transport(robot, Transport.TLS);
    press(robot, "#account-add");
    await(() -> text(robot, "#account-message").startsWith("The certificate of 127.0.0.1:"));
    assertThat(tlsServer.contactsOf("alice")).isEmpty();

    press(robot, "#certificate-show");
    TextArea details = robot.lookup("#certificate-details").queryAs(TextArea.class);
    await(details::isVisible);
    assertThat(details.getText())
        .contains("Issued to: CN=" + BundledServer.DOMAIN)
        .contains(firstFingerprintLine());
    press(robot, "#certificate-trust");
    awaitText(
        robot, "#account-message", "sip:alice@" + BundledServer.DOMAIN + " works and is saved.");
    await(() -> text(robot, "#registration-status").equals("2 of 2 accounts signed in"));
    assertThat(tlsServer.contactsOf("alice")).singleElement().asString().contains("transport=tls");

    shutDown(robot);
    assertThat(tlsServer.contactsOf("alice")).isEmpty();
    startAgain(robot);
    await(() -> text(robot, "#registration-status").equals("2 of 2 accounts signed in"));
    assertThat(tlsServer.contactsOf("alice")).singleElement().asString().contains("transport=tls");
  }

  // Says what the label showed instead, when it never shows the expected text.
  private static void awaitText(FxRobot robot, String query, String expected) throws Exception {
    try {
      await(() -> text(robot, query).equals(expected));
    } catch (TimeoutException e) {
      assertThat(text(robot, query)).isEqualTo(expected);
    }
  }

  private static void openSettings(FxRobot robot) throws Exception {
    robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
    await(() -> robot.lookup("#account-address").tryQuery().isPresent());
  }

  // From the keyboard: the control takes the focus and Space presses it (it may lie below the
  // scrolled part of the pane, where a mouse click would miss it).
  private static void press(FxRobot robot, String query) throws Exception {
    Node button = robot.lookup(query).query();
    await(() -> button.isVisible() && !button.isDisabled());
    robot.interact(button::requestFocus);
    robot.type(KeyCode.SPACE);
  }

  private static void select(FxRobot robot, String addressOfRecord) {
    ListView<AccountStatus> list = robot.lookup("#settings-accounts").queryListView();
    robot.interact(
        () ->
            list.getItems().stream()
                .filter(line -> line.addressOfRecord().equals(addressOfRecord))
                .findFirst()
                .ifPresent(line -> list.getSelectionModel().select(line)));
  }

  private static void transport(FxRobot robot, Transport transport) {
    ComboBox<Transport> choice = robot.lookup("#account-transport").queryComboBox();
    robot.interact(() -> choice.getSelectionModel().select(transport));
  }

  private void restart(FxRobot robot) throws Exception {
    shutDown(robot);
    startAgain(robot);
  }

  private void shutDown(FxRobot robot) throws Exception {
    robot.clickOn("#settings-close");
    app.shutdown().get(15, TimeUnit.SECONDS);
  }

  // The new start registers on a thread of its own, so a binding seen after this may be its own.
  private void startAgain(FxRobot robot) {
    app = newApp();
    robot.interact(() -> app.start(stage));
  }

  private AccountSettings stored(String addressOfRecord) {
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      return database.accounts().list().stream()
          .filter(account -> account.addressOfRecord().equals(addressOfRecord))
          .findFirst()
          .orElseThrow();
    }
  }

  // What the registrar holds for carol, as a second (UDP) device of hers sees it.
  private static List<String> carolsContacts(int port) throws Exception {
    try (Softphone phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"))) {
      Account carol =
          phone.addAccount(
              AccountConfig.of("sip:carol@localhost", "carol-password"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + port));
      RegistrationEvents events = new RegistrationEvents();
      carol.addRegistrationListener(events);
      carol.register();
      return events.next(Registered.class).contacts();
    }
  }

  private String firstFingerprintLine() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(tlsServer.certificate().getEncoded());
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(Arrays.copyOf(digest, 16));
  }
}
