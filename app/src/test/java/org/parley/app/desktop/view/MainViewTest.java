package org.parley.app.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.DesktopSettings;
import org.parley.app.desktop.viewmodel.AccountsViewModel;
import org.parley.app.desktop.viewmodel.AddAccountViewModel;
import org.parley.app.desktop.viewmodel.CallEncryptionViewModel;
import org.parley.app.desktop.viewmodel.CallsViewModel;
import org.parley.app.desktop.viewmodel.ChatsViewModel;
import org.parley.app.desktop.viewmodel.ContactsViewModel;
import org.parley.app.desktop.viewmodel.FakeCall;
import org.parley.app.desktop.viewmodel.HistoryViewModel;
import org.parley.app.desktop.viewmodel.Messenger;
import org.parley.app.desktop.viewmodel.PresenceControl;
import org.parley.app.desktop.viewmodel.PresenceViewModel;
import org.parley.app.desktop.viewmodel.SettingsViewModel;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.call.MediaEncryption;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.core.testing.MemoryCallLog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window and settings, headless: keyboard-only use and accessible text everywhere. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {

  private static final Executor DIRECT = Runnable::run;

  @TempDir Path profile;

  private final List<String> commands = new ArrayList<>();
  private final Texts texts = Texts.forLocale(Locale.ENGLISH);
  private ProfileDatabase database;
  private CallsViewModel calls;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    database = ProfileDatabase.open(profile);
    calls =
        new CallsViewModel(
            target -> {
              commands.add("dial " + target);
              return new FakeCall(target, false);
            },
            DIRECT,
            DIRECT,
            texts);
    AccountsViewModel accounts = new AccountsViewModel(texts);
    HistoryViewModel history =
        new HistoryViewModel(
            new MemoryCallLog(), calls, DIRECT, DIRECT, texts, java.time.ZoneOffset.UTC);
    ContactsViewModel contacts =
        new ContactsViewModel(database.contacts(), calls, DIRECT, DIRECT, texts);
    MainView view =
        new MainView(
            texts,
            accounts,
            calls,
            contacts,
            history,
            new ChatsViewModel(database.chatHistory(), new NoMessenger(), DIRECT, DIRECT, texts),
            new PresenceViewModel(new NoPresence(), texts),
            new MainView.Commands() {
              @Override
              public void openSettings() {
                settings().show(stage);
              }

              @Override
              public void showAbout() {
                commands.add("about");
              }

              @Override
              public void quit() {
                commands.add("quit");
              }
            });
    stage.setScene(new Scene(view.root(), 960, 640));
    stage.show();
  }

  private SettingsView settings() {
    SettingsViewModel preferences =
        new SettingsViewModel(
            new DesktopSettings(database.settings()),
            kind -> List.of("System default"),
            () -> List.of("opus", "PCMU"),
            DIRECT,
            DIRECT,
            texts,
            theme -> {});
    AddAccountViewModel addAccount =
        new AddAccountViewModel(
            (account, password) -> Optional.empty(), (a, p) -> {}, DIRECT, DIRECT, texts);
    return new SettingsView(texts, preferences, new AccountsViewModel(texts), addAccount)
        .showingPasswordStorage("file readable only by you (/profile/credentials)", true)
        .showingCallEncryption(
            new CallEncryptionViewModel(
                new CallEncryptionViewModel.Policies() {
                  @Override
                  public List<CallEncryptionViewModel.AccountChoice> load() {
                    return List.of(
                        new CallEncryptionViewModel.AccountChoice(
                            1, "sip:alice@example.com", MediaEncryption.NONE));
                  }

                  @Override
                  public void save(long accountId, MediaEncryption encryption) {
                    commands.add("encryption " + accountId + " " + encryption);
                  }
                },
                DIRECT,
                DIRECT,
                texts));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theDialFieldIsReachedAndUsedByKeyboardAlone(FxRobot robot) {
    robot.clickOn("#side-tabs"); // focus elsewhere first
    robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
    assertThat(robot.lookup("#dial-field").queryAs(TextField.class).isFocused()).isTrue();

    robot.write("echo").type(KeyCode.ENTER);

    assertThat(commands).containsExactly("dial echo");
    assertThat(robot.lookup("#call-state").queryAs(Label.class).getText()).isEqualTo("Calling…");
  }

  @Test
  void tabsAreSwitchedByShortcut(FxRobot robot) {
    TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
    assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("history-tab");
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
    assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("contacts-tab");
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
    assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("chats-tab");
  }

  @Test
  void everyControlOfTheChatsTabHasAccessibleText(FxRobot robot) {
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#chat-composer").query().isVisible()).isTrue();
    assertThat(unlabelled(stage.getScene().getRoot())).isEmpty();
  }

  @Test
  void anIncomingCallTakesTheFocusSoSpaceAnswers(FxRobot robot) {
    FakeCall bob = new FakeCall("Bob", true);
    robot.interact(() -> calls.onIncoming(bob));

    assertThat(robot.lookup("#incoming-caller").queryAs(Label.class).getText())
        .isEqualTo("Bob is calling");
    robot.type(KeyCode.SPACE);

    assertThat(bob.commands).containsExactly("answer");
    assertThat(robot.lookup("#in-call").query().isVisible()).isTrue();
  }

  @Test
  void everyControlOfTheMainWindowHasAccessibleText() {
    assertThat(unlabelled(stage.getScene().getRoot())).isEmpty();
  }

  @Test
  void everyControlOfTheSettingsWindowHasAccessibleText(FxRobot robot) {
    robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    Stage settings =
        (Stage)
            robot.listTargetWindows().stream()
                .filter(w -> w != stage && w instanceof Stage)
                .findFirst()
                .orElseThrow();
    assertThat(settings.getTitle()).isEqualTo("Parley settings");

    List<String> missing = new ArrayList<>();
    robot.interact(
        () -> {
          for (javafx.scene.control.Tab tab :
              ((TabPane) settings.getScene().lookup(".tab-pane")).getTabs()) {
            missing.addAll(unlabelled((Parent) tab.getContent()));
          }
          missing.addAll(unlabelled(settings.getScene().getRoot()));
        });
    assertThat(missing).isEmpty();
  }

  @Test
  void settingsWarnWhenPasswordsAreNotInAnOsKeychain(FxRobot robot) {
    robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    Label storage = robot.lookup("#settings-password-storage").queryAs(Label.class);

    assertThat(storage.getText())
        .isEqualTo("Warning: file readable only by you (/profile/credentials)");
    assertThat(storage.getStyleClass()).contains("warning");
  }

  @Test
  void anAccountsCallEncryptionIsChosenByKeyboardAndSaved(FxRobot robot) {
    robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.ComboBox<?> choice =
        robot.lookup("#account-encryption-0").queryAs(javafx.scene.control.ComboBox.class);
    assertThat(choice.getAccessibleText())
        .isEqualTo("Encrypt calls (SRTP) for sip:alice@example.com");
    robot.interact(choice::requestFocus);

    robot.type(KeyCode.DOWN, 2);
    assertThat(choice.getValue()).isEqualTo(MediaEncryption.REQUIRED);
    robot.clickOn("#settings-save");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(commands).contains("encryption 1 REQUIRED");
  }

  @Test
  void typedAwayMinutesAndTheNotificationSwitchAreSaved(FxRobot robot) {
    robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("Notifications");
    javafx.scene.control.Spinner<?> away =
        robot.lookup("#settings-away-minutes").queryAs(javafx.scene.control.Spinner.class);
    robot.interact(
        () -> {
          away.requestFocus();
          away.getEditor().setText("");
        });

    robot.write("25");
    robot.clickOn("#settings-notifications");
    robot.clickOn("#settings-save");
    WaitForAsyncUtils.waitForFxEvents();

    DesktopSettings saved = new DesktopSettings(database.settings());
    assertThat(saved.awayAfterMinutes()).isEqualTo(25);
    assertThat(saved.notificationsEnabled()).isFalse();
  }

  /** Controls a screen reader could not name: no accessible text and no label pointing at them. */
  private static List<String> unlabelled(Parent root) {
    List<Node> all = new ArrayList<>();
    collect(root, all);
    List<Node> labelled =
        all.stream()
            .filter(n -> n instanceof Label l && l.getLabelFor() != null)
            .map(n -> ((Label) n).getLabelFor())
            .toList();
    return all.stream()
        .filter(n -> n instanceof Control && !(n instanceof Label))
        .filter(n -> !labelled.contains(n))
        .filter(n -> n.getAccessibleText() == null || n.getAccessibleText().isBlank())
        .filter(n -> !isPartOfAnotherControl(n))
        .map(n -> n.getClass().getSimpleName() + "#" + n.getId())
        .toList();
  }

  // Skins build inner controls (a ComboBox's list cell, a ScrollPane's bars); the outer control
  // is the one a screen reader names.
  private static boolean isPartOfAnotherControl(Node node) {
    for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
      if (parent instanceof Control
          && !(parent instanceof javafx.scene.control.SplitPane)
          && !(parent instanceof TabPane)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(Node node, List<Node> into) {
    into.add(node);
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, into);
      }
    }
  }

  /** No account: the chats tab only has to render. */
  private static final class NoMessenger implements Messenger {
    @Override
    public String account() {
      return "";
    }

    @Override
    public String peerUri(String target) {
      return "sip:" + target;
    }

    @Override
    public String send(String peerUri, String text) {
      throw new IllegalStateException("No account");
    }

    @Override
    public void sendComposing(String peerUri, boolean active) {}
  }

  /** Presence that goes nowhere: the selector and dots only have to render. */
  private static final class NoPresence implements PresenceControl {
    @Override
    public void setStatus(org.parley.core.presence.PresenceStatus status) {}

    @Override
    public void watch(String buddyUri) {}
  }
}
