package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Recording the selected call from the in-call view. */
class RecordingViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  private final FakeCall alice = new FakeCall("Alice", true);
  private final FakeCall bob = new FakeCall("Bob", true);
  private final CallsViewModel calls =
      new CallsViewModel(
          target -> alice, DIRECT, DIRECT, Texts.forLocale(Locale.ENGLISH), Ringer.silent());
  private final RecordingViewModel recording = calls.recording();

  private void inCallWith(FakeCall call) {
    calls.onIncoming(call);
    calls.answer();
    calls.onEstablished(call, "opus");
    call.commands.clear();
  }

  @Test
  void recordingStartsIntoTheFolderAndStopsOnTheSecondPress() {
    recording.saveIn(Path.of("/recordings"));
    inCallWith(alice);

    recording.toggle();
    assertThat(recording.recordingProperty().get()).isTrue();
    assertThat(alice.commands).singleElement().asString().matches("record .* Alice\\.wav");
    assertThat(recording.statusProperty().get()).startsWith("Recording to ").endsWith("Alice.wav");

    recording.toggle();
    assertThat(alice.commands).last().isEqualTo("stop recording");
    assertThat(recording.recordingProperty().get()).isFalse();
    assertThat(recording.statusProperty().get()).startsWith("Recording saved as /recordings/");
  }

  @Test
  void aCallThatIsNotConnectedYetIsNotRecorded() {
    recording.saveIn(Path.of("/recordings"));
    calls.onIncoming(alice);

    recording.toggle();

    assertThat(alice.commands).isEmpty();
    assertThat(recording.recordingProperty().get()).isFalse();
    assertThat(recording.statusProperty().get()).contains("Only a connected call");
  }

  @Test
  void aFailureToStartIsSaidAndNothingRecords() {
    recording.saveIn(Path.of("/recordings"));
    inCallWith(alice);
    alice.refuseRecordingWith = "No space left on device";

    recording.toggle();

    assertThat(recording.recordingProperty().get()).isFalse();
    assertThat(recording.statusProperty().get())
        .isEqualTo("Could not record: No space left on device");
  }

  @Test
  void theCallsEndSavesTheRecordingAndTheToggleFollowsTheSelectedCall() {
    recording.saveIn(Path.of("/recordings"));
    inCallWith(alice);
    recording.toggle();
    calls.onIncoming(bob);
    calls.answer(); // holds alice, selects bob
    calls.onEstablished(bob, "opus");
    assertThat(recording.recordingProperty().get()).as("bob is not recorded").isFalse();

    calls.onEnded(alice, "Hung up");

    assertThat(recording.statusProperty().get()).startsWith("Recording saved as ");
    assertThat(recording.recordingProperty().get()).isFalse();
  }
}
