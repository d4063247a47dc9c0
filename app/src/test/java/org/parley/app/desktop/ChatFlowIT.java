package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.CallAudioProvider;
import org.parley.app.desktop.session.EmbeddedServer;
import org.parley.app.desktop.viewmodel.ChatLine;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.contacts.Contact;
import org.parley.core.im.ChatMessage;
import org.parley.core.im.ChatMessage.DeliveryState;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.presence.PresenceEvent;
import org.parley.core.presence.PresenceStatus;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.core.testing.MessageEvents;
import org.parley.core.testing.PresenceEvents;
import org.parley.core.testing.RegistrationEvents;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Chat as a user sees it: the first-run desktop profile and a headless agent on the embedded server
 * exchange a message each way through the Chats tab, and the history outlives the app; the agent's
 * chosen status shows on its contact.
 */
@ExtendWith(ApplicationExtension.class)
class ChatFlowIT {

  @TempDir Path profile;

  private DesktopApp app;
  private boolean stopped;

  @Start
  void start(Stage stage) {
    CallAudioProvider noCalls =
        () -> {
          throw new IllegalStateException("This test places no calls");
        };
    app =
        new DesktopApp(
            new DesktopApp.Options(profile, Locale.ENGLISH, Optional.of(settings -> noCalls)));
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    if (!stopped) {
      stopped = true;
      app.shutdown().get(15, TimeUnit.SECONDS);
    }
  }

  @Test
  void messagesGoBothWaysAndTheHistoryIsSearchableAfterARestart(FxRobot robot) throws Exception {
    await(() -> text(robot, "#registration-status").startsWith("Ready: signed in as sip:"));
    String me = text(robot, "#registration-status").substring("Ready: signed in as ".length());
    int port = app.embeddedServerPort().orElseThrow();
    EmbeddedServer.addUser(profile.resolve("server"), port, "bob", "bob-password".toCharArray());

    try (Softphone bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"))) {
      Account bob =
          bobPhone.addAccount(
              AccountConfig.of("sip:bob@localhost", "bob-password"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + port));
      RegistrationEvents bobRegistration = new RegistrationEvents();
      MessageEvents bobMessages = new MessageEvents();
      bob.addRegistrationListener(bobRegistration);
      bob.messaging().addListener(bobMessages);
      bob.register();
      bobRegistration.next(RegistrationEvent.Registered.class);

      // Keyboard only: Ctrl+3 opens the chats, the To field takes a user name, Enter sends.
      robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
      TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
      assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("chats-tab");
      robot.clickOn("#chat-to").write("bob").type(KeyCode.ENTER);
      await(() -> text(robot, "#chat-peer").equals("sip:bob@localhost"));
      robot.clickOn("#chat-composer").write("Hello Bob from the desktop").type(KeyCode.ENTER);

      MessageReceived atBob = bobMessages.next(MessageReceived.class);
      assertThat(atBob.text()).isEqualTo("Hello Bob from the desktop");
      assertThat(atBob.peerUri()).isEqualTo(me);
      ListView<ChatLine> lines = robot.lookup("#chat-messages").queryListView();
      await(
          () ->
              lines.getItems().size() == 1
                  && lines.getItems().get(0).state() == DeliveryState.DELIVERED);

      bob.messaging().send(me, "Hi desktop, Bob here");
      bobMessages.next(MessageDelivered.class);
      await(() -> lines.getItems().size() == 2);
      assertThat(lines.getItems().get(1).text()).isEqualTo("Hi desktop, Bob here");
      assertThat(lines.getItems().get(1).outgoing()).isFalse();
    }

    stop();
    try (ProfileDatabase reopened = ProfileDatabase.open(profile)) {
      assertThat(reopened.chatHistory().search(me, "deskt", 10))
          .extracting(ChatMessage::direction, ChatMessage::text)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  ChatMessage.Direction.OUTGOING, "Hello Bob from the desktop"),
              org.assertj.core.groups.Tuple.tuple(
                  ChatMessage.Direction.INCOMING, "Hi desktop, Bob here"));
      // The message arrived in the open conversation, so it was read at once.
      assertThat(reopened.chatHistory().conversations(me))
          .singleElement()
          .satisfies(c -> assertThat(c.unread()).isZero());
    }
  }

  @Test
  void aBuddysChosenStatusShowsOnTheirContactInWords(FxRobot robot) throws Exception {
    await(() -> text(robot, "#registration-status").startsWith("Ready: signed in as sip:"));
    int port = app.embeddedServerPort().orElseThrow();
    EmbeddedServer.addUser(profile.resolve("server"), port, "bob", "bob-password".toCharArray());
    robot.clickOn("#contact-add");
    robot.clickOn("#contact-name").write("Bob");
    robot.clickOn("#contact-sip-uri").write("bob@localhost");
    robot.clickOn("#contact-save");
    ListView<Contact> contacts = robot.lookup("#contacts-list").queryListView();
    await(() -> contacts.getItems().size() == 2);

    try (Softphone bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"))) {
      Account bob =
          bobPhone.addAccount(
              AccountConfig.of("sip:bob@localhost", "bob-password"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + port));
      RegistrationEvents bobRegistration = new RegistrationEvents();
      PresenceEvents bobPresence = new PresenceEvents();
      bob.addRegistrationListener(bobRegistration);
      bob.presence().addListener(bobPresence);
      bob.register();
      bobRegistration.next(RegistrationEvent.Registered.class);
      bob.presence().setStatus(PresenceStatus.BUSY);
      bobPresence.next(PresenceEvent.StatusPublished.class);

      await(() -> FxQueries.cellText(robot, "Bob").endsWith(", Busy"));
    }
  }

  // Empty until the node exists: the main view replaces the start screen once the session runs.
  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }
}
