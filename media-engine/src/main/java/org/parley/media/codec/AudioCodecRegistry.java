package org.parley.media.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The audio codecs this engine offers, found by SDP encoding name and clock rate. */
public final class AudioCodecRegistry {

  private final Map<String, AudioCodec> codecs = new LinkedHashMap<>();

  /** A registry holding the codecs that need nothing native: PCMU and PCMA. */
  public static AudioCodecRegistry withBuiltIns() {
    AudioCodecRegistry registry = new AudioCodecRegistry();
    for (G711Codec codec : G711Codec.values()) {
      registry.register(codec);
    }
    return registry;
  }

  /**
   * Adds a codec.
   *
   * @throws IllegalArgumentException if one with the same name and clock rate is registered
   */
  public void register(AudioCodec codec) {
    String key = key(codec.encodingName(), codec.clockRateHz());
    if (codecs.putIfAbsent(key, codec) != null) {
      throw new IllegalArgumentException("Codec already registered: " + key);
    }
  }

  /** Finds a codec by its SDP name (case-insensitive, as RFC 4566 says) and clock rate. */
  public Optional<AudioCodec> find(String encodingName, int clockRateHz) {
    return Optional.ofNullable(codecs.get(key(encodingName, clockRateHz)));
  }

  /** Every codec in registration order, which is the default preference order. */
  public List<AudioCodec> all() {
    return Collections.unmodifiableList(new ArrayList<>(codecs.values()));
  }

  private static String key(String encodingName, int clockRateHz) {
    return encodingName.toUpperCase(Locale.ROOT) + "/" + clockRateHz;
  }
}
