package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.media.device.AudioDevice.Kind;

class AudioDevicesTest {

  private static final AudioDevice HEADSET_MIC = new AudioDevice(Kind.CAPTURE, "USB Headset", 0);
  private static final AudioDevice HEADSET = new AudioDevice(Kind.PLAYBACK, "USB Headset", 0);
  private static final AudioDevice SPEAKERS = new AudioDevice(Kind.PLAYBACK, "PCH [plughw:0,0]", 0);
  private static final AudioDevice SECOND_LINE =
      new AudioDevice(Kind.PLAYBACK, "PCH [plughw:0,0]", 1);

  private final FakeAudioSystem system = new FakeAudioSystem();
  private final AudioDevices devices = new AudioDevices(system);

  @Test
  void listsTheSystemDefaultFirstThenThePresentDevicesByStableName() {
    system.add(HEADSET, 1);
    system.add(SPEAKERS, 2);
    system.add(SECOND_LINE, 3);
    system.add(HEADSET_MIC, 4);

    assertThat(devices.list(Kind.PLAYBACK))
        .extracting(AudioDevice::name)
        .containsExactly(
            "System default", "PCH [plughw:0,0]", "PCH [plughw:0,0] #2", "USB Headset");
    assertThat(devices.list(Kind.CAPTURE))
        .extracting(AudioDevice::name)
        .containsExactly("System default", "USB Headset");
  }

  @Test
  void choosesByNameAndFallsBackToTheDefaultWhenTheDeviceIsGone() {
    system.add(HEADSET, 1).present = false;
    system.add(SPEAKERS, 2);

    assertThat(devices.choose(Kind.PLAYBACK, "PCH [plughw:0,0]")).isEqualTo(SPEAKERS);
    assertThat(devices.choose(Kind.PLAYBACK, "USB Headset").isSystemDefault()).isTrue();
    assertThat(devices.choose(Kind.PLAYBACK, "System default").isSystemDefault()).isTrue();
  }

  @Test
  void theRingerIsChosenSeparatelyFromTheSpeaker() {
    system.add(HEADSET, 1);
    system.add(SPEAKERS, 2);
    AudioDeviceChoice choice =
        new AudioDeviceChoice("System default", "USB Headset", "PCH [plughw:0,0]");

    DevicePlayback speaker = devices.openPlayback(choice, 16_000, AudioDeviceListener.none());
    DevicePlayback ringer = devices.openRinger(choice, 16_000, AudioDeviceListener.none());
    speaker.write(new short[160], 160);
    ringer.write(new short[160], 160);

    assertThat(speaker.currentDevice()).isEqualTo(HEADSET);
    assertThat(ringer.currentDevice()).isEqualTo(SPEAKERS);
    assertThat(system.opened).containsExactly("USB Headset@16000", "PCH [plughw:0,0]@16000");
  }

  @Test
  void systemDefaultsChoosesTheDefaultEverywhere() {
    AudioDeviceChoice choice = AudioDeviceChoice.systemDefaults();

    assertThat(devices.choose(Kind.CAPTURE, choice.captureName()).isSystemDefault()).isTrue();
    assertThat(devices.choose(Kind.PLAYBACK, choice.ringerName()).isSystemDefault()).isTrue();
  }
}
