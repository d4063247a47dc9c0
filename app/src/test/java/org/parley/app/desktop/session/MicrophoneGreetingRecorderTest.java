package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.testing.ToneSequence;
import org.parley.media.audio.AudioSource;
import org.parley.media.source.ToneSource;
import org.parley.media.wav.WavFileSource;

class MicrophoneGreetingRecorderTest {

  @TempDir Path dir;

  /** A 48 kHz microphone playing a steady tone; {@code heard} opens after enough frames. */
  private static final class Microphone implements AudioSource {
    final ToneSource tone = new ToneSource(600, 48_000, 0.5);
    final CountDownLatch heard = new CountDownLatch(25);
    boolean closed;

    @Override
    public int sampleRateHz() {
      return 48_000;
    }

    @Override
    public int read(short[] frame) {
      heard.countDown();
      return tone.read(frame);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void recordsTheMicrophoneAsAnEightKilohertzMonoWav() throws Exception {
    Microphone microphone = new Microphone();
    Path file = dir.resolve("greeting.wav");
    try (MicrophoneGreetingRecorder recorder =
        new MicrophoneGreetingRecorder(() -> microphone, file)) {
      recorder.start();
      assertThat(microphone.heard.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(recorder.stop()).isEqualTo(file);
    }
    assertThat(microphone.closed).isTrue();
    try (WavFileSource wav = WavFileSource.open(file)) {
      assertThat(wav.sampleRateHz()).isEqualTo(8000);
      assertThat(wav.channels()).isEqualTo(1);
      short[] pcm = new short[(int) wav.frameCount()];
      wav.read(pcm);
      assertThat(pcm.length).isGreaterThanOrEqualTo(24 * 160);
      assertThat(ToneSequence.tonesIn(pcm, 8000, 1)).containsExactly(600.0);
    }
  }

  @Test
  void stoppingWithoutARecordingIsAnError() {
    try (MicrophoneGreetingRecorder recorder =
        new MicrophoneGreetingRecorder(Microphone::new, dir.resolve("g.wav"))) {
      assertThatThrownBy(recorder::stop).isInstanceOf(IOException.class);
    }
  }
}
