package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.G711Codec;
import org.parley.media.device.AudioDevice;
import org.parley.media.device.AudioDevice.Kind;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.AudioSystemGateway;
import org.parley.media.device.CaptureLine;
import org.parley.media.device.PlaybackLine;

class DeviceAudioProviderTest {

  private static final int RATE_HZ = 48_000;
  private static final int BACKLOG_MILLIS = 500;

  /** A microphone with half a second captured and not read yet, as after a slow start. */
  private static final class BackloggedMicrophone implements AudioSystemGateway {
    int backlogBytes = BACKLOG_MILLIS * RATE_HZ / 1000 * 2;
    int readBytes;

    @Override
    public List<AudioDevice> devices(Kind kind) {
      return List.of();
    }

    @Override
    public CaptureLine openCapture(AudioDevice device, int sampleRateHz) {
      return new CaptureLine() {
        @Override
        public void readFully(byte[] buffer, int offset, int length) {
          readBytes += length;
          backlogBytes = Math.max(0, backlogBytes - length);
        }

        @Override
        public int availableBytes() {
          return backlogBytes;
        }

        @Override
        public int sampleRateHz() {
          return RATE_HZ;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public PlaybackLine openPlayback(AudioDevice device, int sampleRateHz)
        throws LineUnavailableException {
      throw new LineUnavailableException("no speaker in this test");
    }
  }

  private static DeviceAudioProvider provider(AudioSystemGateway gateway) {
    return new DeviceAudioProvider(
        new AudioDevices(gateway), AudioDeviceChoice::systemDefaults, List::of);
  }

  @Test
  void codecsFollowTheUsersOrderAndKeepTheOnesItDoesNotName() {
    AudioCodec pcmu = G711Codec.PCMU;
    AudioCodec pcma = G711Codec.PCMA;
    List<AudioCodec> available = List.of(pcmu, pcma);

    assertThat(DeviceAudioProvider.ordered(available, List.of("pcma"))).containsExactly(pcma, pcmu);
    assertThat(DeviceAudioProvider.ordered(available, List.of("gone", "PCMU")))
        .containsExactly(pcmu, pcma);
    assertThat(DeviceAudioProvider.ordered(available, List.of())).containsExactly(pcmu, pcma);
  }

  @Test
  void aGreetingsMicrophoneKeepsTheWholeBacklog() {
    BackloggedMicrophone gateway = new BackloggedMicrophone();
    AudioSource microphone = provider(gateway).recordingMicrophone();
    short[] frame = new short[RATE_HZ / 50];

    for (int i = 0; i < BACKLOG_MILLIS / 20; i++) {
      microphone.read(frame);
    }

    // 25 frames of 20 ms: exactly the half second that waited, nothing skipped.
    assertThat(gateway.readBytes).isEqualTo(BACKLOG_MILLIS * RATE_HZ / 1000 * 2);
    assertThat(microphone.droppedSamples()).isZero();
    microphone.close();
  }

  @Test
  void aCallsMicrophoneDropsTheBacklogAndSaysHowMuch() {
    BackloggedMicrophone gateway = new BackloggedMicrophone();
    AudioSource microphone = provider(gateway).prepare().media().source();

    microphone.read(new short[RATE_HZ / 50]);

    // All but the 20 ms kept went unsent, and the mute switch passes the count to the stream.
    assertThat(microphone.droppedSamples()).isEqualTo((BACKLOG_MILLIS - 20) * RATE_HZ / 1000L);
    microphone.close();
  }
}
