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

  private final FakeAudioSystem system = new FakeAudioSystem();
  private final FakeDevice headset = system.add(HEADSET, 0);
  private final FakeDevice systemDefault = system.add(DEFAULT, 0);
  private final List<DeviceLost> events = new ArrayList<>();
  private final List<Long> pauses = new ArrayList<>();

  private DevicePlayback playback(AudioDevice device) {
    return new DevicePlayback(system, device, 8000, events::add, pauses::add);
  }

  @Test
  void writesLittleEndianSamplesToTheChosenDevice() {
    DevicePlayback playback = playback(HEADSET);

    playback.write(new short[] {0x0102, -2, 77}, 2);

    assertThat(headset.played.toByteArray()).containsExactly(0x02, 0x01, 0xFE, 0xFF);
  }

  @Test
  void aDeviceLostMidStreamMovesPlaybackToTheDefaultWithoutThrowing() {
    headset.readsBeforeFailure = 2;
    DevicePlayback playback = playback(HEADSET);
    short[] frame = new short[160];

    for (int i = 0; i < 5; i++) {
      playback.write(frame, 160);
    }

    assertThat(headset.played.size()).isEqualTo(2 * 320);
    assertThat(systemDefault.played.size()).as("the failed frame is dropped").isEqualTo(2 * 320);
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

    // One second at 8 kHz becomes one second at 48 kHz, give or take the interpolation tail.
    int samples = headset.played.size() / 2;
    assertThat(samples).isBetween(48_000 - 6, 48_000);
    assertThat(system.opened).containsExactly("USB Headset@48000");
  }
}
