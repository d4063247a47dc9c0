package org.parley.media.ffmpeg;

import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.OpusEncoderSettings;

/**
 * Opus as RTP carries it (RFC 7587), encoded and decoded by libopus inside FFmpeg.
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

  public OpusCodec(OpusEncoderSettings settings) {
    this.settings = settings;
  }

  /** Opus with {@link OpusEncoderSettings#voipDefaults()}. */
  public OpusCodec() {
    this(OpusEncoderSettings.voipDefaults());
  }

  public OpusEncoderSettings settings() {
    return settings;
  }

  /**
   * Whether our decoder can use the peer's in-band FEC. It cannot: FFmpeg's libopus wrapper always
   * decodes with {@code decode_fec=0} and FFmpeg's native Opus decoder skips LBRR frames, so we
   * must not advertise {@code useinbandfec=1}.
   */
  public boolean decoderUsesFec() {
    return false;
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

  @Override
  public AudioDecoder newDecoder() {
    return new OpusDecoder(settings.channels());
  }
}
