package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.CallAudioProvider;
import org.parley.app.desktop.session.MuteSwitch;
import org.parley.app.desktop.viewmodel.HistoryViewModel;
import org.parley.core.call.CallMedia;
import org.parley.core.contacts.Contact;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first run as a user sees it, in a temporary profile: the app starts its embedded server,
 * signs in a local user, lists the echo test; a call to it plays our tones back, hangs up, and the
 * history shows it with a quality badge.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFlowIT {

  private static final double[] TONES_HZ = {600, 1100, 1400};

  @TempDir static Path profile;

  private final RecordingSink heard = new RecordingSink(ToneSequence.RATE_HZ);
  private DesktopApp app;

  @Start
  void start(Stage stage) {
    CallAudioProvider tones =
        () -> {
          MuteSwitch mute = new MuteSwitch(new ToneSequence(TONES_HZ));
          return new CallAudioProvider.PreparedAudio(CallMedia.of(mute, heard), mute);
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
  void firstRunEchoTestCallEndsUpInTheHistoryWithAQualityBadge(FxRobot robot) throws Exception {
    await(() -> text(robot, "#registration-status").startsWith("Ready: signed in as sip:"));
    assertThat(text(robot, "#registration-status")).endsWith("@localhost");
    ListView<Contact> contacts = robot.lookup("#contacts-list").queryListView();
    // The echo test contact was added before the account registered, so one read shows it.
    await(() -> !contacts.getItems().isEmpty());
    assertThat(contacts.getItems())
        .extracting(Contact::displayName, Contact::sipUri)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Echo test", "sip:echo@localhost"));
    // The password is in the credential store, not in the profile database.
    assertThat(Files.readString(profile.resolve("credentials.properties")))
        .contains("parley-account-1=");

    robot.clickOn("#dial-field").write("echo").type(KeyCode.ENTER);
    await(() -> text(robot, "#call-state").startsWith("Connected"));
    // The jitter buffer may stretch the tones on a busy machine: probe twice as long and compare
    // runs of the same tone, not fixed slots.
    heard.awaitAfterSound(2 * ToneSequence.SEGMENT_MILLIS * TONES_HZ.length, 20_000);
    assertThat(
            runs(ToneSequence.tonesIn(heard.samples(), ToneSequence.RATE_HZ, 2 * TONES_HZ.length)))
        .containsSubsequence(600.0, 1100.0, 1400.0);
    await(() -> text(robot, "#call-quality").startsWith("Quality: MOS "));

    robot.clickOn("#hangup-button");
    await(
        () ->
            text(robot, "#last-outcome").equals("Call with sip:echo@localhost ended: You hung up"));
    robot.clickOn("#history-tab");
    ListView<HistoryViewModel.Entry> history = robot.lookup("#history-list").queryListView();
    await(() -> history.getItems().size() == 1);
    HistoryViewModel.Entry call = history.getItems().get(0);
    assertThat(call.peerUri()).isEqualTo("sip:echo@localhost");
    assertThat(call.summary()).startsWith("Outgoing call, ");
    assertThat(call.badge()).isPresent();
    assertThat(call.badgeText()).matches("(Excellent|Good|Fair|Poor|Bad) \\(MOS [1-4]\\.\\d\\)");
  }

  private static List<Double> runs(List<Double> tones) {
    List<Double> runs = new ArrayList<>();
    for (Double tone : tones) {
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(tone)) {
        runs.add(tone);
      }
    }
    return runs;
  }

  // Empty until the node exists: the main view replaces the start screen once the session runs.
  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }
}
