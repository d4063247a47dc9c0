package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.G711Codec;
import org.parley.media.quality.CodecImpairment;
import org.parley.media.rtp.RtpSessionConfig;

/** Sending and playing do not wait for each other. */
@Timeout(30)
class AudioStreamThreadsTest {

  /** A microphone whose first read does not return until released (a line still starting). */
  private static final class BlockedSource implements AudioSource {
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public int sampleRateHz() {
      return 8000;
    }

    @Override
    public int read(short[] frame) {
      reading.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return frame.length;
    }
  }

  /** Counts down once per frame written. */
  private static final class CountingSink implements AudioSink {
    final CountDownLatch frames;

    CountingSink(int count) {
      frames = new CountDownLatch(count);
    }

    @Override
    public int sampleRateHz() {
      return 8000;
    }

    @Override
    public void write(short[] frame, int sampleCount) {
      frames.countDown();
    }
  }

  @Test
  void theSpeakerKeepsPlayingWhileTheMicrophoneBlocks() throws Exception {
    AudioStreamSettings settings =
        new AudioStreamSettings(G711Codec.PCMU, 0, 20, -1, CodecImpairment.G711_PLC);
    RtpSessionConfig config =
        RtpSessionConfig.builder()
            .rtcpMux(true)
            .remoteRtp(new InetSocketAddress("127.0.0.1", 9))
            .build();
    BlockedSource microphone = new BlockedSource();
    CountingSink speaker = new CountingSink(10);
    AudioStream stream =
        AudioStream.start(settings, config, microphone, speaker, AudioStream.quietListener());
    try {
      assertThat(microphone.reading.await(10, TimeUnit.SECONDS)).isTrue();
      // With one thread for both directions the speaker would get nothing until the read returns.
      assertThat(speaker.frames.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(microphone.release.getCount()).isEqualTo(1);
    } finally {
      microphone.release.countDown();
      stream.close();
    }
  }
}
