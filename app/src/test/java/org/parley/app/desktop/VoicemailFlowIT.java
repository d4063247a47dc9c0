package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.CallAudioProvider;
import org.parley.app.desktop.session.EmbeddedServer;
import org.parley.app.desktop.session.MuteSwitch;
import org.parley.app.desktop.viewmodel.VoicemailViewModel;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.ToneSequence;
import org.parley.media.audio.AudioSource;
import org.parley.media.source.ToneSource;
import org.parley.media.wav.WavFileSource;
import org.parley.server.voicemail.DefaultGreeting;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The voicemail inbox as a user sees it, in a first-run profile: a second (headless) agent's call
 * is declined and leaves a message in the local user's mailbox on the embedded server; the badge
 * counts it, the inbox lists it as new, it plays to the end through the speaker calls use, and the
 * badge drops once it is heard.
 */
@ExtendWith(ApplicationExtension.class)
class VoicemailFlowIT {

  private static final double DORAS_TONE_HZ = 700;
  private static final int SPOKEN_MILLIS = 1500;

  @TempDir Path profile;

  private static final double MICROPHONE_TONE_HZ = 400;

  private final RecordingSink speaker = new RecordingSink(ToneSequence.RATE_HZ);
  private final AtomicInteger microphoneFrames = new AtomicInteger();
  private DesktopApp app;

  @Start
  void start(Stage stage) {
    CallAudioProvider devices =
        () -> {
          ToneSource tone = new ToneSource(MICROPHONE_TONE_HZ, ToneSequence.RATE_HZ, 0.5);
          MuteSwitch mute =
              new MuteSwitch(
                  new AudioSource() {
                    @Override
                    public int sampleRateHz() {
                      return tone.sampleRateHz();
                    }

                    @Override
                    public int read(short[] frame) {
                      microphoneFrames.incrementAndGet();
                      return tone.read(frame);
                    }
                  });
          return new CallAudioProvider.PreparedAudio(CallMedia.of(mute, speaker), mute);
        };
    app =
        new DesktopApp(
            new DesktopApp.Options(profile, Locale.ENGLISH, Optional.of(settings -> devices)));
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    app.shutdown().get(15, TimeUnit.SECONDS);
  }

  @Test
  void aDeclinedCallLeavesAMessageThatIsListedPlayedAndThenCountsAsHeard(FxRobot robot)
      throws Exception {
    await(() -> text(robot, "#registration-status").startsWith("Ready: signed in as sip:"));
    String me = text(robot, "#registration-status").substring("Ready: signed in as ".length());
    int port = app.embeddedServerPort().orElseThrow();
    EmbeddedServer.addUser(profile.resolve("server"), port, "dora", "dora-password".toCharArray());
    Tab voicemailTab = tab(robot, "voicemail-tab");
    assertThat(voicemailTab.getText()).isEqualTo("Voicemail");

    leaveMessage(robot, me, port);
    await(() -> voicemailTab.getText().equals("Voicemail (1 new)"));

    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
    ListView<VoicemailViewModel.Entry> list = robot.lookup("#voicemail-list").queryListView();
    await(() -> list.getItems().size() == 1);
    VoicemailViewModel.Entry entry = list.getItems().get(0);
    assertThat(entry.unheard()).isTrue();
    assertThat(entry.caller()).isEqualTo("sip:dora@localhost");
    assertThat(entry.description()).startsWith("sip:dora@localhost, ").endsWith(", new");
    await(() -> robot.lookup(".voicemail-unheard").queryAs(Label.class).getText().equals("New"));

    // Select the message and play it from the keyboard.
    robot.interact(list::requestFocus);
    robot.type(KeyCode.HOME).type(KeyCode.ENTER);
    Slider position = robot.lookup("#voicemail-position").queryAs(Slider.class);
    Button play = robot.lookup("#voicemail-play").queryButton();
    await(() -> position.getValue() > 0 && position.getValue() < 1);
    assertThat(play.getText()).isEqualTo("_Pause");
    await(() -> position.getValue() == 1.0 && play.getText().equals("_Play"));

    await(() -> voicemailTab.getText().equals("Voicemail"));
    await(() -> !list.getItems().get(0).unheard());
    List<Double> tones = ToneSequence.toneRunsIn(speaker.samples(), ToneSequence.RATE_HZ);
    assertThat(tones).contains(DORAS_TONE_HZ);

    // A new greeting from the microphone, uploaded to the mailbox (which checks its format).
    Button greeting = robot.lookup("#voicemail-greeting").queryButton();
    microphoneFrames.set(0);
    robot.interact(greeting::requestFocus);
    robot.type(KeyCode.SPACE);
    await(() -> microphoneFrames.get() >= 25);
    robot.type(KeyCode.SPACE);
    await(() -> text(robot, "#voicemail-status").equals("Your new greeting is in place"));
    Path recorded =
        profile.resolve("voicemail").resolve(me.substring("sip:".length())).resolve("greeting.wav");
    try (WavFileSource wav = WavFileSource.open(recorded)) {
      short[] pcm = new short[(int) wav.frameCount()];
      wav.read(pcm);
      assertThat(ToneSequence.tonesIn(pcm, ToneSequence.RATE_HZ, 1))
          .containsExactly(MICROPHONE_TONE_HZ);
    }
  }

  /** Dora calls; the user declines; the mailbox hears her out; she hangs up. */
  private void leaveMessage(FxRobot robot, String me, int port) throws Exception {
    try (Softphone doraPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"))) {
      Account dora =
          doraPhone.addAccount(
              AccountConfig.of("sip:dora@localhost", "dora-password"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + port));
      RegistrationEvents registration = new RegistrationEvents();
      CallEvents calls = new CallEvents();
      dora.addRegistrationListener(registration);
      dora.addCallListener(calls);
      dora.register();
      registration.next(RegistrationEvent.Registered.class);

      RecordingSink doraHears = new RecordingSink(ToneSequence.RATE_HZ);
      Call call =
          dora.call(
              me,
              CallMedia.of(new ToneSource(DORAS_TONE_HZ, ToneSequence.RATE_HZ, 0.5), doraHears));
      await(() -> text(robot, "#incoming-caller").equals("sip:dora@localhost is calling"));
      robot.clickOn("#decline-button");
      calls.next(CallEvent.CallEstablished.class);
      // The mailbox records once its greeting is over.
      doraHears.awaitAfterSound(DefaultGreeting.DURATION_MILLIS + SPOKEN_MILLIS, 20_000);
      call.hangUp();
      calls.next(CallEvent.CallEnded.class);
    }
  }

  private static Tab tab(FxRobot robot, String id) throws Exception {
    await(() -> robot.lookup("#side-tabs").tryQuery().isPresent());
    TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
    return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
  }

  // Empty until the node exists: the main view replaces the start screen once the session runs.
  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }
}
