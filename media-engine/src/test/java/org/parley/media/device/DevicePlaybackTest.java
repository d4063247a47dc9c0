package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.device.AudioDevice.Kind;
import org.parley.media.device.FakeAudioSystem.FakeDevice;

class DevicePlaybackTest {

  private static final AudioDevice HEADSET = new AudioDevice(Kind.PLAYBACK, "USB Headset", 0);
  private static final AudioDevice DEFAULT = AudioDevice.systemDefault(Kind.PLAYBACK);

  /** The silence each newly opened line gets first, at 8 kHz. */
  private static final int PRIME_BYTES = 2 * 8000 * DevicePlayback.PRIME_MILLIS / 1000;

  private final FakeAudioSystem system = new FakeAudioSystem();
  private final FakeDevice headset = system.add(HEADSET, 0);
  private final FakeDevice systemDefault = system.add(DEFAULT, 0);
  private final List<DeviceLost> events = new ArrayList<>();
  private final List<Long> pauses = new ArrayList<>();

  /** The lines calls used before session 8: priming 60 ms, dropping over 80 ms. */
  private static final CallDeviceBuffers HUNDRED_MS = new CallDeviceBuffers(100);

  private DevicePlayback playback(AudioDevice device) {
    return new DevicePlayback(system, device, 8000, events::add, pauses::add);
  }

  private DevicePlayback callPlayback(AudioDevice device) {
    return callPlayback(device, HUNDRED_MS);
  }

  private DevicePlayback callPlayback(AudioDevice device, CallDeviceBuffers buffers) {
    return new DevicePlayback(system, device, 8000, events::add, pauses::add, buffers);
  }

  @Test
  void writesLittleEndianSamplesToTheChosenDevice() {
    DevicePlayback playback = playback(HEADSET);

    playback.write(new short[] {0x0102, -2, 77}, 2);
    playback.write(new short[] {3}, 1);

    byte[] played = headset.played.toByteArray();
    assertThat(played).hasSize(PRIME_BYTES + 6);
    assertThat(java.util.Arrays.copyOf(played, PRIME_BYTES)).containsOnly(0);
    assertThat(java.util.Arrays.copyOfRange(played, PRIME_BYTES, played.length))
        .containsExactly(0x02, 0x01, 0xFE, 0xFF, 0x03, 0x00);
  }

  @Test
  void aCallsFrameThatFindsTheLineFullerThanTheLimitIsDroppedSoTheDelayDoesNotGrow() {
    DevicePlayback playback = callPlayback(HEADSET);
    short[] frame = new short[160];
    playback.write(frame, 160); // priming and one frame

    // 8 kHz mono: 16 bytes a millisecond. After a stall the catching-up media thread filled it.
    headset.queuedBytes = (HUNDRED_MS.maxQueuedMillis() + 1) * 16;
    playback.write(frame, 160);
    headset.queuedBytes = HUNDRED_MS.maxQueuedMillis() * 16;
    playback.write(frame, 160);

    assertThat(headset.played.size()).isEqualTo(PRIME_BYTES + 2 * 320);
  }

  @Test
  void smallCallBuffersOpenTheLineAtTheirSizePrimeOneFrameAndDropOverTheirSmallerLimit() {
    DevicePlayback playback = callPlayback(HEADSET, new CallDeviceBuffers(60));
    short[] frame = new short[160];
    playback.write(frame, 160); // 20 ms of priming and one frame

    // 8 kHz mono: 16 bytes a millisecond. 41 ms queued is over 60 ms lines' 40 ms limit.
    headset.queuedBytes = 41 * 16;
    playback.write(frame, 160);
    headset.queuedBytes = 40 * 16;
    playback.write(frame, 160);

    assertThat(system.lineMillis).containsExactly(60);
    assertThat(headset.played.size()).isEqualTo(20 * 16 + 2 * 320);
  }

  @Test
  void theRingersAndFilesPlaybackKeepsTheDefaultLineAndPriming() {
    DevicePlayback playback = playback(HEADSET);

    playback.write(new short[160], 160);

    // No size asked for: the gateway's own (100 ms in JavaSoundGateway), primed with 60 ms.
    assertThat(system.lineMillis).isEmpty();
    assertThat(headset.played.size()).isEqualTo(60 * 16 + 320);
  }

  @Test
  void playbackPacedByTheLineWaitsForRoomInsteadOfDropping() {
    DevicePlayback playback = playback(HEADSET);
    short[] frame = new short[160];
    playback.write(frame, 160);

    headset.queuedBytes = 100 * 16;
    playback.write(frame, 160);

    assertThat(headset.played.size()).isEqualTo(PRIME_BYTES + 2 * 320);
  }

  @Test
  void aWriteCutShortByTheCallsTeardownIsNotALostDevice() {
    DevicePlayback playback = playback(HEADSET);
    playback.write(new short[160], 160);
    headset.readsBeforeFailure = 0; // the write fails as StallGuard's does when interrupted

    Thread.currentThread().interrupt(); // what a call's close does to its media threads
    try {
      playback.write(new short[160], 160);
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt stays set").isTrue();
    } finally {
      Thread.interrupted();
    }

    assertThat(events).isEmpty();
    assertThat(playback.currentDevice()).isEqualTo(HEADSET);
    assertThat(system.opened).containsExactly("USB Headset@8000");
  }

  @Test
  void aDeviceLostMidStreamMovesPlaybackToTheDefaultWithoutThrowing() {
    headset.readsBeforeFailure = 3; // the priming silence and two frames
    DevicePlayback playback = playback(HEADSET);
    short[] frame = new short[160];

    for (int i = 0; i < 5; i++) {
      playback.write(frame, 160);
    }

    assertThat(headset.played.size()).isEqualTo(PRIME_BYTES + 2 * 320);
    assertThat(systemDefault.played.size())
        .as("the failed frame is dropped; the new line is primed too")
        .isEqualTo(PRIME_BYTES + 2 * 320);
    assertThat(events).singleElement().satisfies(e -> assertThat(e.lost()).isEqualTo(HEADSET));
    assertThat(playback.currentDevice()).isEqualTo(DEFAULT);
  }

  @Test
  void withNoDeviceFramesAreDroppedAtRealTimePace() {
    headset.present = false;
    systemDefault.present = false;
    DevicePlayback playback = playback(HEADSET);

    playback.write(new short[160], 160);
    playback.write(new short[80], 80);

    assertThat(pauses).containsExactly(20_000_000L, 10_000_000L);
    assertThat(events).hasSize(1);
  }

  @Test
  void aDeviceThatRefusesTheCallsRateIsFedConvertedAudio() {
    headset.ratesHz.remove(8000);
    DevicePlayback playback = playback(HEADSET);
    short[] frame = new short[160];
    java.util.Arrays.fill(frame, (short) 500);

    for (int i = 0; i < 50; i++) {
      playback.write(frame, 160);
    }

    // One second at 8 kHz becomes one second at 48 kHz, give or take the interpolation tail,
    // after the priming silence at the device's rate.
    int samples = headset.played.size() / 2 - 48_000 * DevicePlayback.PRIME_MILLIS / 1000;
    assertThat(samples).isBetween(48_000 - 6, 48_000);
    assertThat(system.opened).containsExactly("USB Headset@48000");
  }
}
