package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioCodecRegistryTest {

  @Test
  void findsBuiltInsByCaseInsensitiveNameAndRate() {
    AudioCodecRegistry registry = AudioCodecRegistry.withBuiltIns();

    assertThat(registry.find("pcmu", 8000)).contains(G711Codec.PCMU);
    assertThat(registry.find("PCMA", 8000)).contains(G711Codec.PCMA);
    assertThat(registry.find("PCMU", 16000)).isEmpty();
  }

  @Test
  void rejectsASecondCodecUnderTheSameName() {
    AudioCodecRegistry registry = AudioCodecRegistry.withBuiltIns();

    assertThatThrownBy(() -> registry.register(G711Codec.PCMU))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PCMU/8000");
  }

  @Test
  void pcmuEncoderAndDecoderCarryAFrame() {
    short[] frame = {0, 1000, -1000, 32000, -32000};
    byte[] payload = new byte[frame.length];
    short[] decoded = new short[frame.length];

    int bytes = G711Codec.PCMU.newEncoder().encode(frame, 0, frame.length, payload);
    int samples = G711Codec.PCMU.newDecoder().decode(payload, 0, bytes, decoded);

    assertThat(samples).isEqualTo(frame.length);
    for (int i = 0; i < frame.length; i++) {
      assertThat((int) decoded[i]).isCloseTo(frame[i], org.assertj.core.data.Offset.offset(1100));
    }
    assertThat(G711Codec.PCMU.staticPayloadType()).isZero();
    assertThat(G711Codec.PCMA.staticPayloadType()).isEqualTo(8);
  }
}
