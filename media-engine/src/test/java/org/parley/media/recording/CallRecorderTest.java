package org.parley.media.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.media.recording.RecordingFixtures.channel;
import static org.parley.media.recording.RecordingFixtures.longestSilence;
import static org.parley.media.recording.RecordingFixtures.tonePower;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.recording.RecordingFixtures.CollectingSink;
import org.parley.media.recording.RecordingFixtures.ManualClock;
import org.parley.media.source.ToneSource;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;

class CallRecorderTest {

  private static final int RATE_HZ = 16_000;
  private static final double LOCAL_HZ = 440;
  private static final double REMOTE_HZ = 1000;

  @TempDir Path dir;

  private final ManualClock clock = new ManualClock();
  private final CallRecorder recorder = new CallRecorder(RATE_HZ, 100, 1000, clock);
  private final Call call = new Call();

  @Test
  void stereoFileCarriesTheLocalToneOnlyLeftAndTheRemoteToneOnlyRight() throws IOException {
    Path file = dir.resolve("call.wav");
    recorder.begin(WavFileSink.create(file, RATE_HZ, 2));
    call.run(2000);
    recorder.stop();

    short[] stereo = readAll(file);
    short[] left = channel(stereo, 0);
    short[] right = channel(stereo, 1);
    int from = RATE_HZ / 5;
    int to = left.length;
    assertThat(tonePower(left, from, to, RATE_HZ, LOCAL_HZ))
        .isGreaterThan(0.01)
        .isGreaterThan(1000 * tonePower(left, from, to, RATE_HZ, REMOTE_HZ));
    assertThat(tonePower(right, from, to, RATE_HZ, REMOTE_HZ))
        .isGreaterThan(0.01)
        .isGreaterThan(1000 * tonePower(right, from, to, RATE_HZ, LOCAL_HZ));
    // Remote frames come in 60 ms bursts, local ones every 20 ms: the latency absorbs both,
    // so once the first 100 ms are buffered neither side has a gap.
    assertThat(longestSilence(left, from, to)).isLessThan(3);
    assertThat(longestSilence(right, from, to)).isLessThan(3);
  }

  @Test
  void monoRecordingMixesBothTones() {
    CollectingSink sink = new CollectingSink(RATE_HZ, 1);
    recorder.begin(sink);
    call.run(1000);
    recorder.stop();

    short[] mixed = sink.samples();
    int from = RATE_HZ / 5;
    double local = tonePower(mixed, from, mixed.length, RATE_HZ, LOCAL_HZ);
    double remote = tonePower(mixed, from, mixed.length, RATE_HZ, REMOTE_HZ);
    // Each tone is at amplitude 0.3: a sine of peak a has power a^2/4 = 0.0225.
    assertThat(local).isBetween(0.018, 0.025);
    assertThat(remote).isBetween(0.018, 0.025);
    assertThat(tonePower(mixed, from, mixed.length, RATE_HZ, 700)).isLessThan(local / 1000);
  }

  @Test
  void startingAndStoppingMidCallRecordsExactlyThatStretch() {
    call.run(1000);
    CollectingSink sink = new CollectingSink(RATE_HZ, 2);
    recorder.begin(sink);
    call.run(2500);
    recorder.stop();
    call.run(500);

    assertThat(sink.samples()).hasSize(2 * 40_000);
    assertThat(sink.isClosed()).isTrue();
    assertThat(recorder.isRecording()).isFalse();

    CollectingSink second = new CollectingSink(RATE_HZ, 1);
    recorder.begin(second);
    call.run(730);
    recorder.stop();
    assertThat(second.samples()).hasSize(730 * RATE_HZ / 1000);
  }

  @Test
  void framesBeforeStartAreNotRecorded() {
    short[] loud = new short[320];
    Arrays.fill(loud, (short) 20_000);
    recorder.acceptLocal(loud, loud.length);
    recorder.acceptRemote(loud, loud.length);
    CollectingSink sink = new CollectingSink(RATE_HZ, 1);

    recorder.begin(sink);
    clock.advanceMillis(200);
    recorder.stop();

    assertThat(sink.samples()).hasSize(3200).containsOnly((short) 0);
  }

  @Test
  void aSideThatGoesQuietIsFilledWithSilenceAndTheOtherStaysAligned() {
    CollectingSink sink = new CollectingSink(RATE_HZ, 2);
    recorder.begin(sink);
    call.run(1000);
    call.remoteMuted = true;
    call.run(500);
    call.remoteMuted = false;
    call.run(1000);
    recorder.stop();

    short[] left = channel(sink.samples(), 0);
    short[] right = channel(sink.samples(), 1);
    assertThat(left).hasSize(40_000);
    int from = RATE_HZ / 5;
    assertThat(longestSilence(left, from, left.length)).isLessThan(3);
    // The mute swallowed eight 60 ms bursts (480 ms of audio). The FIFO had up to the 100 ms
    // latency in hand, and the resumed side starts from an empty FIFO, so the gap is shortened
    // by at most that much.
    assertThat(longestSilence(right, from, right.length))
        .isBetween(380 * RATE_HZ / 1000 - 1, 480 * RATE_HZ / 1000);
  }

  @Test
  void aSideRunningFarAheadIsBoundedByDroppingItsOldestAudio() {
    CollectingSink sink = new CollectingSink(RATE_HZ, 2);
    recorder.begin(sink);
    short[] fiveSeconds = new short[5 * RATE_HZ];
    new ToneSource(REMOTE_HZ, RATE_HZ, 0.3).read(fiveSeconds);

    recorder.acceptRemote(fiveSeconds, fiveSeconds.length);

    assertThat(recorder.droppedSamples()).isEqualTo(4L * RATE_HZ);
    clock.advanceMillis(3000);
    recorder.stop();
    short[] right = channel(sink.samples(), 1);
    // The one second kept is played, then silence: no more than the bound was held.
    assertThat(longestSilence(right, 0, RATE_HZ)).isLessThan(3);
    assertThat(longestSilence(right, RATE_HZ, right.length)).isEqualTo(2 * RATE_HZ);
  }

  @Test
  void refusesSinksThatDoNotFitAndASecondStart() {
    assertThatThrownBy(() -> recorder.begin(new CollectingSink(8000, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8000 Hz");
    assertThatThrownBy(() -> recorder.begin(new CollectingSink(RATE_HZ, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    recorder.begin(new CollectingSink(RATE_HZ, 1));
    assertThatThrownBy(() -> recorder.begin(new CollectingSink(RATE_HZ, 1)))
        .isInstanceOf(IllegalStateException.class);
    recorder.stop();
    recorder.stop();
  }

  private static short[] readAll(Path file) throws IOException {
    try (WavFileSource source = WavFileSource.open(file)) {
      short[] all = new short[(int) source.frameCount() * source.channels()];
      assertThat(source.read(all)).isEqualTo(all.length);
      return all;
    }
  }

  /**
   * Both sides of a call in 10 ms steps: the microphone delivers 20 ms frames on time, the remote
   * side 60 ms bursts offset by 10 ms, as a jittery network would.
   */
  private final class Call {
    private final ToneSource localTone = new ToneSource(LOCAL_HZ, RATE_HZ, 0.3);
    private final ToneSource remoteTone = new ToneSource(REMOTE_HZ, RATE_HZ, 0.3);
    private final short[] localFrame = new short[RATE_HZ / 50];
    private final short[] remoteBurst = new short[3 * RATE_HZ / 50];
    private long nowMillis;
    private boolean remoteMuted;

    void run(int millis) {
      for (int step = 0; step < millis / 10; step++) {
        if (nowMillis % 20 == 0) {
          localTone.read(localFrame);
          recorder.acceptLocal(localFrame, localFrame.length);
        }
        if (nowMillis % 60 == 10) {
          remoteTone.read(remoteBurst);
          if (!remoteMuted) {
            recorder.acceptRemote(remoteBurst, remoteBurst.length);
          }
        }
        nowMillis += 10;
        clock.advanceMillis(10);
        recorder.writeDue();
      }
    }
  }
}
