package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.CallAudioProvider;
import org.parley.app.desktop.session.MuteSwitch;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.parley.media.source.ToneSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Transfer from the desktop's call view: Bob calls the desktop user, who transfers him to Carol by
 * typing her name; Bob's agent calls Carol, she answers, and the desktop's call ends.
 */
@ExtendWith(ApplicationExtension.class)
class TransferFlowIT {

  @TempDir Path profile;

  private DesktopApp app;

  @Start
  void start(Stage stage) {
    CallAudioProvider tones =
        () -> {
          MuteSwitch mute = new MuteSwitch(tone(600));
          return new CallAudioProvider.PreparedAudio(
              CallMedia.of(mute, new RecordingSink(ToneSequence.RATE_HZ)), mute);
        };
    app =
        new DesktopApp(
            new DesktopApp.Options(profile, Locale.ENGLISH, Optional.of(settings -> tones)));
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    app.shutdown().get(15, TimeUnit.SECONDS);
  }

  @Test
  void blindTransferConnectsTheCallerWithTheTargetAndEndsOurCall(FxRobot robot) throws Exception {
    await(() -> text(robot, "#registration-status").startsWith("Ready: signed in as sip:"));
    String me = text(robot, "#registration-status").substring("Ready: signed in as ".length());
    int port = app.embeddedServerPort().orElseThrow();

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob");
        HeadlessAgent carol = HeadlessAgent.register(profile, port, "carol")) {
      bob.account.call(me, media(1400));
      await(() -> text(robot, "#incoming-caller").equals("sip:bob@localhost is calling"));
      robot.clickOn("#answer-button");
      bob.calls.next(CallEstablished.class);
      await(() -> text(robot, "#call-state").startsWith("Connected"));

      robot.clickOn("#transfer-target").write("carol");
      robot.clickOn("#transfer-button");

      Call atCarol = carol.calls.next(IncomingCall.class).call();
      assertThat(atCarol.peerUri()).isEqualTo("sip:bob@localhost");
      atCarol.answer(media(800));
      Call bobToCarol = bob.calls.next(CallTransferred.class).newCall();
      assertThat(bob.calls.next(CallEstablished.class).call()).isSameAs(bobToCarol);
      carol.calls.next(CallEstablished.class);

      await(
          () ->
              text(robot, "#last-outcome")
                  .equals("Call with sip:bob@localhost ended: Transferred"));
      assertThat(text(robot, "#transfer-status")).isEqualTo("Transferred to carol");
      assertThat(robot.lookup("#in-call").query().isVisible()).isFalse();
      assertThat(bobToCarol.state()).isEqualTo(Call.State.ESTABLISHED);
      assertThat(atCarol.state()).isEqualTo(Call.State.ESTABLISHED);
    }
  }

  private static CallMedia media(double toneHz) {
    return CallMedia.of(tone(toneHz), new RecordingSink(ToneSequence.RATE_HZ));
  }

  private static ToneSource tone(double frequencyHz) {
    return new ToneSource(frequencyHz, ToneSequence.RATE_HZ, 0.5);
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }
}
