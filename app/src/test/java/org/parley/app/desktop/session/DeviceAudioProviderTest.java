package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.G711Codec;

class DeviceAudioProviderTest {

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
}
