package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.parley.media.device.AudioDevice.Kind;
import org.parley.media.source.ToneSource;

/**
 * Plays and captures through the real system default device. Skipped where there is no sound device
 * (CI); LAB.md shows how to get one from PulseAudio null sinks.
 */
class JavaSoundDefaultDeviceIT {

  private static final int RATE_HZ = 16_000;

  private final JavaSoundGateway gateway = new JavaSoundGateway();
  private final List<DeviceLost> events = new ArrayList<>();

  @Test
  void playsAndCapturesOnTheSystemDefault() {
    assumeTrue(canOpenDefaults(), "no default capture and playback device here");

    short[] frame = new short[RATE_HZ / 50];
    try (DevicePlayback playback =
            new DevicePlayback(
                gateway, AudioDevice.systemDefault(Kind.PLAYBACK), RATE_HZ, events::add);
        DeviceCapture capture =
            new DeviceCapture(
                gateway, AudioDevice.systemDefault(Kind.CAPTURE), RATE_HZ, events::add)) {
      ToneSource tone = new ToneSource(440, RATE_HZ, 0.3);
      for (int i = 0; i < 25; i++) {
        tone.read(frame);
        playback.write(frame, frame.length);
        assertThat(capture.read(frame)).isEqualTo(frame.length);
      }
    }

    assertThat(events).isEmpty();
    assertThat(new AudioDevices(gateway).list(Kind.PLAYBACK)).hasSizeGreaterThan(1);
  }

  private boolean canOpenDefaults() {
    try {
      gateway.openCapture(AudioDevice.systemDefault(Kind.CAPTURE), RATE_HZ).close();
      gateway.openPlayback(AudioDevice.systemDefault(Kind.PLAYBACK), RATE_HZ).close();
      return true;
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      return false;
    }
  }
}
