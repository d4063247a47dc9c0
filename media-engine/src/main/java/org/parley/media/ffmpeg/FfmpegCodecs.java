package org.parley.media.ffmpeg;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.Loader;
import org.parley.media.codec.AudioCodecRegistry;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.OpusEncoderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the codecs FFmpeg provides: Opus and G.722. */
public final class FfmpegCodecs {

  private static final Logger LOG = LoggerFactory.getLogger(FfmpegCodecs.class);

  private FfmpegCodecs() {}

  /**
   * Whether FFmpeg's native libraries load on this machine; they ship per platform, and a build
   * without this platform's classifier has none.
   */
  public static boolean available() {
    try {
      Loader.load(avcodec.class);
      return true;
    } catch (LinkageError e) {
      LOG.warn("FFmpeg native libraries unavailable, only G.711 can be offered: {}", e.toString());
      return false;
    }
  }

  /**
   * Opus for calls: the VoIP defaults, with in-band FEC (planned for 10 % loss) ready for a peer
   * whose fmtp says {@code useinbandfec=1} (RFC 7587 §6.1); negotiation turns it off otherwise. DTX
   * stays off: its silent gaps would count as concealment in the call's quality figures.
   */
  static final OpusEncoderSettings CALL_OPUS =
      OpusEncoderSettings.voipDefaults().withInbandFec(true, 10);

  /**
   * Adds Opus and G.722 (in that order) to {@code registry} if FFmpeg is available.
   *
   * @return whether they were added
   */
  public static boolean registerAll(AudioCodecRegistry registry) {
    if (!available()) {
      return false;
    }
    registry.register(new OpusCodec(CALL_OPUS));
    registry.register(new G722Codec());
    return true;
  }

  /**
   * A registry in the default preference order: opus, G722, PCMU, PCMA (wideband first, then the
   * codecs every peer has); G.711 alone if FFmpeg is unavailable.
   */
  public static AudioCodecRegistry defaultRegistry() {
    AudioCodecRegistry registry = new AudioCodecRegistry();
    registerAll(registry);
    for (G711Codec codec : G711Codec.values()) {
      registry.register(codec);
    }
    return registry;
  }
}
