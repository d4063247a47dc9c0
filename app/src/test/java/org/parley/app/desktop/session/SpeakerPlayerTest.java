package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.app.desktop.viewmodel.AudioPlayer;
import org.parley.media.audio.AudioSink;

class SpeakerPlayerTest {

  private final CollectingSink device = new CollectingSink(8000);
  private final SpeakerPlayer player = new SpeakerPlayer(() -> device);

  @AfterEach
  void close() {
    player.close();
  }

  /** Keeps what it is given and counts how often it was closed. */
  private static final class CollectingSink implements AudioSink {
    final int rateHz;
    final List<Short> samples = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);

    CollectingSink(int rateHz) {
      this.rateHz = rateHz;
    }

    @Override
    public int sampleRateHz() {
      return rateHz;
    }

    @Override
    public void write(short[] frame, int sampleCount) {
      for (int i = 0; i < sampleCount; i++) {
        samples.add(frame[i]);
      }
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  /** Records progress; {@code ended} opens once the end is reported. */
  private static final class Recorded implements AudioPlayer.Progress {
    final List<Integer> positions = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    final CountDownLatch reached;
    final int reachedAt;

    Recorded(int reachedAt) {
      this.reachedAt = reachedAt;
      this.reached = new CountDownLatch(1);
    }

    @Override
    public void at(int sample) {
      positions.add(sample);
      if (sample >= reachedAt) {
        reached.countDown();
      }
    }

    @Override
    public void ended() {
      ended.countDown();
    }
  }

  private static short[] ramp(int length) {
    short[] pcm = new short[length];
    for (int i = 0; i < length; i++) {
      pcm[i] = (short) i;
    }
    return pcm;
  }

  @Test
  void playsEverySampleInOrderFromTheStartPointAndClosesTheDevice() throws Exception {
    short[] pcm = ramp(1000);
    Recorded progress = new Recorded(Integer.MAX_VALUE);

    player.play(pcm, 8000, 200, progress);

    assertThat(progress.ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(device.closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(device.samples).hasSize(800);
    assertThat(device.samples.get(0)).isEqualTo((short) 200);
    assertThat(device.samples.get(799)).isEqualTo((short) 999);
    // One 20 ms frame (160 samples at 8 kHz) per tick, then the end.
    assertThat(progress.positions).containsExactly(200, 360, 520, 680, 840, 1000);
  }

  @Test
  void noProgressComesAfterStopReturns() throws Exception {
    Recorded progress = new Recorded(480);
    AudioPlayer.Playing playing = player.play(new short[80_000], 8000, 0, progress);
    assertThat(progress.reached.await(5, TimeUnit.SECONDS)).isTrue();

    playing.stop();
    int reported = progress.positions.size();

    assertThat(device.closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(progress.positions).hasSize(reported);
    assertThat(progress.ended.getCount()).isEqualTo(1);
    assertThat(device.samples.size()).isLessThan(80_000);
  }

  @Test
  void aDeviceAtAnotherRateGetsResampledAudio() throws Exception {
    CollectingSink wideband = new CollectingSink(48_000);
    try (SpeakerPlayer resampling = new SpeakerPlayer(() -> wideband)) {
      Recorded progress = new Recorded(Integer.MAX_VALUE);
      resampling.play(new short[1600], 8000, 0, progress);
      assertThat(progress.ended.await(5, TimeUnit.SECONDS)).isTrue();
    }
    // 200 ms at 48 kHz, give or take the resampler's filter delay.
    assertThat(wideband.samples.size()).isBetween(9000, 9600);
  }
}
