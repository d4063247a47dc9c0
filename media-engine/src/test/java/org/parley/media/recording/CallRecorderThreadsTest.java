package org.parley.media.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.recording.RecordingFixtures.channel;
import static org.parley.media.recording.RecordingFixtures.tonePower;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.media.recording.RecordingFixtures.CollectingSink;
import org.parley.media.source.ToneSource;

/** The recorder on the real clock, fed by two producer threads with different frame timing. */
class CallRecorderThreadsTest {

  private static final int RATE_HZ = 8000;

  private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(3);

  @AfterEach
  void shutDown() {
    threads.shutdownNow();
  }

  @Test
  void twoProducerThreadsEndUpOnTheirOwnChannels() throws InterruptedException {
    CallRecorder recorder = new CallRecorder(RATE_HZ);
    CollectingSink sink = new CollectingSink(RATE_HZ, 2);
    ToneSource local = new ToneSource(400, RATE_HZ, 0.3);
    ToneSource remote = new ToneSource(1200, RATE_HZ, 0.3);
    short[] localFrame = new short[RATE_HZ / 50];
    short[] remoteFrame = new short[3 * RATE_HZ / 100];
    CountDownLatch remoteFrames = new CountDownLatch(40);

    recorder.start(sink, threads);
    threads.scheduleAtFixedRate(
        () -> {
          local.read(localFrame);
          recorder.acceptLocal(localFrame, localFrame.length);
        },
        0,
        20,
        TimeUnit.MILLISECONDS);
    threads.scheduleAtFixedRate(
        () -> {
          remote.read(remoteFrame);
          recorder.acceptRemote(remoteFrame, remoteFrame.length);
          remoteFrames.countDown();
        },
        5,
        30,
        TimeUnit.MILLISECONDS);
    assertThat(remoteFrames.await(20, TimeUnit.SECONDS)).isTrue();
    recorder.stop();

    short[] stereo = sink.samples();
    assertThat(stereo.length).isEqualTo(2 * recorder.writtenFrames());
    assertThat(recorder.writtenFrames()).isGreaterThanOrEqualTo(RATE_HZ); // 40 x 30 ms >= 1 s
    short[] left = channel(stereo, 0);
    short[] right = channel(stereo, 1);
    assertThat(tonePower(left, 0, left.length, RATE_HZ, 400))
        .isGreaterThan(100 * tonePower(left, 0, left.length, RATE_HZ, 1200));
    assertThat(tonePower(right, 0, right.length, RATE_HZ, 1200))
        .isGreaterThan(100 * tonePower(right, 0, right.length, RATE_HZ, 400));
    assertThat(sink.isClosed()).isTrue();
  }
}
