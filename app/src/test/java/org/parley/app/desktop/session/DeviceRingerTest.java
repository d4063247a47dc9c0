package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.core.testing.ToneSequence;
import org.parley.media.device.AudioDevice;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.AudioSystemGateway;
import org.parley.media.device.CaptureLine;
import org.parley.media.device.PlaybackLine;

/** The ring tone as the chosen ringer device receives it, through the device abstraction. */
class DeviceRingerTest {

  private static final int PRIME_MILLIS = 60; // DevicePlayback's silence ahead of a new line
  private static final int HEARD_MILLIS = PRIME_MILLIS + DeviceRinger.ON_MILLIS + 500;

  private final AudioDevice headset = new AudioDevice(AudioDevice.Kind.PLAYBACK, "Headset", 0);
  private final AudioDevice loudspeaker =
      new AudioDevice(AudioDevice.Kind.PLAYBACK, "Loudspeaker", 0);
  private final List<RecordingLine> opened = new CopyOnWriteArrayList<>();
  private final BlockingQueue<RecordingLine> openings = new LinkedBlockingQueue<>();
  private final AudioDeviceChoice choice =
      new AudioDeviceChoice(AudioDevice.SYSTEM_DEFAULT_NAME, "Headset", "Loudspeaker");
  private final DeviceRinger ringer =
      new DeviceRinger(new AudioDevices(new Gateway()), () -> choice);

  @Test
  void ringsA400HzToneOnTheRingerDeviceThenPausesAndStopsOnStop() throws Exception {
    ringer.start();
    ringer.start(); // already ringing: no second device

    RecordingLine line = awaitLine(0);
    assertThat(line.enough.await(10, TimeUnit.SECONDS)).isTrue();
    ringer.stop();

    assertThat(line.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(opened).extracting(l -> l.device).containsExactly(loudspeaker);
    short[] heard = line.heard();
    assertThat(ToneSequence.toneRunsIn(heard, DeviceRinger.RATE_HZ)).containsExactly(400.0);
    // One second of tone after the priming silence, then the pause of the cadence.
    int toneStart = samples(PRIME_MILLIS);
    int pauseStart = samples(PRIME_MILLIS + DeviceRinger.ON_MILLIS);
    assertThat(peak(heard, toneStart, pauseStart)).isGreaterThan(8_000);
    assertThat(peak(heard, pauseStart, samples(HEARD_MILLIS))).isZero();
  }

  @Test
  void eachRingOpensTheDeviceAfreshAndClosesItAgain() throws Exception {
    ringer.start();
    assertThat(awaitLine(0).enough.await(10, TimeUnit.SECONDS)).isTrue();
    ringer.stop();
    ringer.stop(); // already silent
    assertThat(opened.get(0).closed.await(10, TimeUnit.SECONDS)).isTrue();

    ringer.start();
    assertThat(awaitLine(1).enough.await(10, TimeUnit.SECONDS)).isTrue();
    ringer.stop();

    assertThat(opened.get(1).closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(opened).hasSize(2);
  }

  // The device opens its line at the ringer thread's first write.
  private RecordingLine awaitLine(int index) throws InterruptedException {
    RecordingLine line = openings.poll(10, TimeUnit.SECONDS);
    assertThat(line).isNotNull();
    assertThat(opened.indexOf(line)).isEqualTo(index);
    return line;
  }

  private static int samples(int millis) {
    return DeviceRinger.RATE_HZ * millis / 1000;
  }

  private static int peak(short[] pcm, int from, int to) {
    int peak = 0;
    for (int i = from; i < to; i++) {
      peak = Math.max(peak, Math.abs(pcm[i]));
    }
    return peak;
  }

  /** Two speakers; playback lines record what they are given. */
  private final class Gateway implements AudioSystemGateway {
    @Override
    public List<AudioDevice> devices(AudioDevice.Kind kind) {
      return kind == AudioDevice.Kind.PLAYBACK ? List.of(headset, loudspeaker) : List.of();
    }

    @Override
    public CaptureLine openCapture(AudioDevice device, int sampleRateHz) {
      throw new UnsupportedOperationException("the ringer only plays");
    }

    @Override
    public PlaybackLine openPlayback(AudioDevice device, int sampleRateHz) {
      RecordingLine line = new RecordingLine(device, sampleRateHz);
      opened.add(line);
      openings.add(line);
      return line;
    }
  }

  /**
   * Keeps the first {@link #HEARD_MILLIS} of audio, then blocks the writer (as a full device buffer
   * would) until it is closed.
   */
  private static final class RecordingLine implements PlaybackLine {
    final AudioDevice device;
    final CountDownLatch enough = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    private final int sampleRateHz;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RecordingLine(AudioDevice device, int sampleRateHz) {
      this.device = device;
      this.sampleRateHz = sampleRateHz;
    }

    @Override
    public int sampleRateHz() {
      return sampleRateHz;
    }

    @Override
    public synchronized void writeFully(byte[] buffer, int offset, int length) {
      if (bytes.size() < 2 * samples(HEARD_MILLIS)) {
        bytes.write(buffer, offset, length);
      } else {
        enough.countDown();
      }
    }

    synchronized short[] heard() {
      byte[] pcm = bytes.toByteArray();
      short[] out = new short[pcm.length / 2];
      for (int i = 0; i < out.length; i++) {
        out[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
      }
      return out;
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
