package org.parley.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.AudioCodecRegistry;

class FfmpegCodecsTest {

  @Test
  void defaultRegistryPrefersOpusThenG722ThenG711() {
    AudioCodecRegistry registry = FfmpegCodecs.defaultRegistry();
    assertThat(registry.all())
        .extracting(AudioCodec::encodingName)
        .containsExactly("opus", "G722", "PCMU", "PCMA");
    assertThat(registry.find("OPUS", 48_000)).containsInstanceOf(OpusCodec.class);
    assertThat(registry.find("g722", 8_000)).containsInstanceOf(G722Codec.class);
  }

  @Test
  void registerAllAddsToAnExistingRegistryAfterItsCodecs() {
    AudioCodecRegistry registry = AudioCodecRegistry.withBuiltIns();
    assertThat(FfmpegCodecs.registerAll(registry)).isTrue();
    assertThat(registry.all())
        .extracting(AudioCodec::encodingName)
        .containsExactly("PCMU", "PCMA", "opus", "G722");
  }
}
