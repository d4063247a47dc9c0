package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.device.AudioDevice.Kind;
import org.parley.media.device.FakeAudioSystem.FakeDevice;

class DeviceCaptureTest {

  private static final AudioDevice HEADSET = new AudioDevice(Kind.CAPTURE, "USB Headset", 0);
  private static final AudioDevice DEFAULT = AudioDevice.systemDefault(Kind.CAPTURE);
  private static final short HEADSET_LEVEL = 1000;
  private static final short DEFAULT_LEVEL = 2000;

  private final FakeAudioSystem system = new FakeAudioSystem();
  private final FakeDevice headset = system.add(HEADSET, HEADSET_LEVEL);
  private final FakeDevice systemDefault = system.add(DEFAULT, DEFAULT_LEVEL);
  private final List<DeviceLost> events = new ArrayList<>();
  private final List<Long> pauses = new ArrayList<>();
  private final short[] frame = new short[320];

  /** The lines calls used before session 8: the limits' values at 100 ms are 60 and 20 ms. */
  private static final CallDeviceBuffers HUNDRED_MS = new CallDeviceBuffers(100);

  private DeviceCapture capture(AudioDevice device) {
    return capture(device, HUNDRED_MS);
  }

  private DeviceCapture capture(AudioDevice device, CallDeviceBuffers buffers) {
    return new DeviceCapture(system, device, 16_000, events::add, buffers, pauses::add);
  }

  @Test
  void readsTheChosenDeviceAtTheCallsRate() {
    DeviceCapture capture = capture(HEADSET);

    assertThat(capture.read(frame)).isEqualTo(320);
    assertThat(frame).containsOnly(HEADSET_LEVEL);
    assertThat(system.opened).containsExactly("USB Headset@16000");
    assertThat(events).isEmpty();
  }

  @Test
  void aBacklogLongerThanTheLimitIsDroppedSoTheCallHearsTheLatestAudio() {
    DeviceCapture capture = capture(HEADSET);
    // 16 kHz mono: 32 bytes a millisecond; 1.5 s waiting, as after a slow start of the call.
    headset.backlogBytes = 1_500 * 32;

    assertThat(capture.read(frame)).isEqualTo(320);

    // All but KEEP_MILLIS of the backlog went, then one frame was read from what was left.
    assertThat(headset.bytesRead).isEqualTo(1_500 * 32 - CallDeviceBuffers.KEEP_MILLIS * 32 + 640);
    assertThat(headset.backlogBytes).isZero();
    assertThat(frame).containsOnly(HEADSET_LEVEL);
  }

  @Test
  void aDroppedBacklogIsCountedInSamplesAtTheCallsRate() {
    DeviceCapture capture = capture(HEADSET);
    headset.backlogBytes = 1_500 * 32;

    assertThat(capture.droppedSamples()).isZero();
    capture.read(frame);

    // 1.5 s waited, 20 ms of it kept: 1,480 ms at 16 kHz went unsent.
    assertThat(capture.droppedSamples()).isEqualTo(1_480 * 16L);
    capture.read(frame);
    assertThat(capture.droppedSamples()).isEqualTo(1_480 * 16L);
  }

  @Test
  void aBacklogDroppedFromA48kLineIsCountedAtTheCallsRate() {
    headset.ratesHz.remove(16_000);
    DeviceCapture capture = capture(HEADSET);
    // 48 kHz mono: 96 bytes a millisecond.
    headset.backlogBytes = 500 * 96;

    capture.read(frame);

    // All but the 20 ms kept went; the rest of that 20 ms and more was read for this frame.
    assertThat(capture.droppedSamples()).isEqualTo(480 * 16L);
  }

  @Test
  void aRecordingCaptureKeepsAWholeBacklogAndReadsItInOrder() {
    DeviceCapture capture =
        DeviceCapture.keepingEverything(system, HEADSET, 16_000, events::add, HUNDRED_MS);
    headset.backlogBytes = 1_500 * 32;

    for (int i = 0; i < 75; i++) {
      assertThat(capture.read(frame)).isEqualTo(320);
    }

    // 75 frames of 20 ms: exactly the 1.5 s that waited, none of it skipped.
    assertThat(headset.bytesRead).isEqualTo(1_500 * 32);
    assertThat(capture.droppedSamples()).isZero();
    assertThat(headset.backlogBytes).isZero();
  }

  @Test
  void aBacklogHiddenBehindAFullLineIsDroppedInOneFrame() {
    DeviceCapture capture = capture(HEADSET);
    // The line reports at most its own 100 ms; the other 1.4 s wait behind it in the sound server.
    headset.lineBufferBytes = 100 * 32;
    headset.backlogBytes = 1_500 * 32;

    capture.read(frame);

    // What is left waiting is within the limit: the next frames come from the last 60 ms.
    assertThat(headset.backlogBytes).isLessThanOrEqualTo(HUNDRED_MS.maxBacklogMillis() * 32);
    assertThat(headset.bytesRead).isEqualTo(1_500 * 32 - headset.backlogBytes);
  }

  @Test
  void aBacklogWithinTheLimitIsReadInOrderWithNothingDropped() {
    DeviceCapture capture = capture(HEADSET);
    headset.backlogBytes = HUNDRED_MS.maxBacklogMillis() * 32;

    capture.read(frame);

    assertThat(headset.bytesRead).isEqualTo(640);
    assertThat(headset.backlogBytes).isEqualTo(HUNDRED_MS.maxBacklogMillis() * 32 - 640);
  }

  @Test
  void smallCallBuffersOpenTheLineAtTheirSizeAndDropABacklogOverTheirSmallerLimit() {
    CallDeviceBuffers sixty = new CallDeviceBuffers(60);
    DeviceCapture capture = capture(HEADSET, sixty);
    // 41 ms waiting: over the 40 ms limit of 60 ms lines (at 100 ms lines it would all be kept).
    headset.backlogBytes = 41 * 32;

    capture.read(frame);

    assertThat(system.lineMillis).containsExactly(60);
    // Dropped down to the 20 ms kept, then one 20 ms frame read: nothing older is left.
    assertThat(headset.bytesRead).isEqualTo(41 * 32 - 20 * 32 + 640);
    assertThat(headset.backlogBytes).isZero();
  }

  @Test
  void smallCallBuffersKeepABacklogWithinTheirLimit() {
    DeviceCapture capture = capture(HEADSET, new CallDeviceBuffers(60));
    headset.backlogBytes = 40 * 32;

    capture.read(frame);

    assertThat(headset.bytesRead).isEqualTo(640);
    assertThat(headset.backlogBytes).isEqualTo(20 * 32);
  }

  @Test
  void aReadCutShortByTheCallsTeardownIsNotALostDevice() {
    DeviceCapture capture = capture(HEADSET);
    capture.read(frame);
    headset.readsBeforeFailure = 0; // the read fails as StallGuard's does when interrupted

    Thread.currentThread().interrupt(); // what a call's close does to its media threads
    try {
      assertThat(capture.read(frame)).isEqualTo(320);
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt stays set").isTrue();
    } finally {
      Thread.interrupted();
    }

    assertThat(frame).containsOnly((short) 0);
    assertThat(events).isEmpty();
    assertThat(capture.currentDevice()).isEqualTo(HEADSET);
    assertThat(system.opened).containsExactly("USB Headset@16000");
  }

  @Test
  void aDeviceLostMidStreamFallsBackToTheDefaultWithoutThrowing() {
    headset.readsBeforeFailure = 3;
    DeviceCapture capture = capture(HEADSET);
    for (int i = 0; i < 3; i++) {
      capture.read(frame);
      assertThat(frame).containsOnly(HEADSET_LEVEL);
    }

    assertThat(capture.read(frame)).as("the lost frame is silence").isEqualTo(320);
    assertThat(frame).containsOnly((short) 0);
    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.lost()).isEqualTo(HEADSET);
              assertThat(event.fallback()).isEqualTo(DEFAULT);
              assertThat(event.reason()).contains("unplugged");
            });
    capture.read(frame);
    assertThat(frame).containsOnly(DEFAULT_LEVEL);
    assertThat(capture.currentDevice()).isEqualTo(DEFAULT);
  }

  @Test
  void aChosenDeviceThatCannotBeOpenedGivesWayToTheDefaultAtOnce() {
    headset.present = false;
    DeviceCapture capture = capture(HEADSET);

    capture.read(frame);

    assertThat(frame).containsOnly(DEFAULT_LEVEL);
    assertThat(events).singleElement().extracting(DeviceLost::lost).isEqualTo(HEADSET);
    assertThat(system.opened).containsExactly("System default@16000");
  }

  @Test
  void withNoWorkingDeviceItDeliversPacedSilenceReportsOnceAndRetries() {
    systemDefault.present = false;
    DeviceCapture capture = capture(DEFAULT);

    for (int i = 0; i <= DeviceSession.RETRY_EVERY_FRAMES; i++) {
      assertThat(capture.read(frame)).isEqualTo(320);
      assertThat(frame).containsOnly((short) 0);
    }
    assertThat(events).hasSize(1);
    assertThat(pauses).hasSize(DeviceSession.RETRY_EVERY_FRAMES + 1).containsOnly(20_000_000L);

    systemDefault.present = true;
    capture.read(frame);
    assertThat(frame).containsOnly(DEFAULT_LEVEL);
    assertThat(events).hasSize(1);
  }

  @Test
  void aDeviceThatRefusesTheCallsRateIsCapturedAt48kAndConverted() {
    headset.ratesHz.remove(16_000);
    DeviceCapture capture = capture(HEADSET);

    for (int i = 0; i < 10; i++) {
      assertThat(capture.read(frame)).isEqualTo(320);
      assertThat(frame).containsOnly(HEADSET_LEVEL);
    }
    assertThat(system.opened).containsExactly("USB Headset@48000");
    assertThat(events).isEmpty();
  }

  @Test
  void closedCaptureEnds() {
    DeviceCapture capture = capture(HEADSET);
    capture.close();

    assertThat(capture.read(frame)).isEqualTo(-1);
  }
}
