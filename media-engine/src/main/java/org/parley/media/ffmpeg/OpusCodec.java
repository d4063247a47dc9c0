package org.parley.media.ffmpeg;

import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.codec.OpusNegotiation;
import org.parley.media.codec.OpusParameters;
import org.parley.media.opus.Libopus;

/**
 * Opus as RTP carries it (RFC 7587), encoded by libopus inside FFmpeg and decoded by the system
 * libopus when it loads (with in-band FEC), else by libopus inside FFmpeg (concealment only).
 *
 * <p>The rtpmap always says {@code opus/48000/2} whatever is sent, so {@link #channels()} is 2; the
 * PCM the encoder takes and the decoder gives has {@link #pcmChannels()} channels, mono unless the
 * settings say otherwise.
 */
public final class OpusCodec implements AudioCodec {

  /** Sample rate and RTP clock rate of Opus, whatever the audio bandwidth. */
  public static final int RATE_HZ = 48_000;

  /** RFC 7587 §7: the rtpmap channel count is always 2. */
  public static final int RTPMAP_CHANNELS = 2;

  private final OpusEncoderSettings settings;
  private final Libopus libopus;

  /** Opus decoding through {@link Libopus#system()} where it loads. */
  public OpusCodec(OpusEncoderSettings settings) {
    this(settings, Libopus.system());
  }

  /** Opus decoding through {@code libopus} if it is available, else through FFmpeg. */
  public OpusCodec(OpusEncoderSettings settings, Libopus libopus) {
    this.settings = settings;
    this.libopus = libopus;
  }

  /** Opus with {@link OpusEncoderSettings#voipDefaults()}. */
  public OpusCodec() {
    this(OpusEncoderSettings.voipDefaults());
  }

  public OpusEncoderSettings settings() {
    return settings;
  }

  /**
   * Whether our decoder can use the peer's in-band FEC: exactly when the system libopus loaded.
   * FFmpeg's libopus wrapper always decodes with {@code decode_fec=0} (ADR 0029), so without it we
   * must not advertise {@code useinbandfec=1}.
   */
  public boolean decoderUsesFec() {
    return libopus.isAvailable();
  }

  /**
   * The fmtp parameters to offer or answer with (RFC 7587 §6.1), {@code useinbandfec=1} only when
   * {@link #decoderUsesFec()}.
   */
  public OpusParameters localParameters(int playbackRateHz, int captureRateHz) {
    return OpusNegotiation.localParameters(
        settings, playbackRateHz, captureRateHz, decoderUsesFec());
  }

  /** PCM channels of the encoder's input and the decoder's output. */
  public int pcmChannels() {
    return settings.channels();
  }

  @Override
  public String encodingName() {
    return "opus";
  }

  @Override
  public int staticPayloadType() {
    return -1;
  }

  @Override
  public int clockRateHz() {
    return RATE_HZ;
  }

  @Override
  public int sampleRateHz() {
    return RATE_HZ;
  }

  @Override
  public int channels() {
    return RTPMAP_CHANNELS;
  }

  @Override
  public AudioEncoder newEncoder() {
    return new OpusEncoder(settings);
  }

  /** An encoder for settings negotiated with one peer (see OpusNegotiation). */
  public OpusEncoder newEncoder(OpusEncoderSettings negotiated) {
    return new OpusEncoder(negotiated);
  }

  /** A libopus decoder (FEC and PLC) where the system library loaded, else FFmpeg's (PLC only). */
  @Override
  public AudioDecoder newDecoder() {
    if (libopus.isAvailable()) {
      return libopus.newDecoder(settings.channels());
    }
    return new OpusDecoder(settings.channels());
  }
}
