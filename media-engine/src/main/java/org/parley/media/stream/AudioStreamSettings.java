package org.parley.media.stream;

import java.util.Objects;
import org.parley.media.codec.AudioCodec;
import org.parley.media.quality.CodecImpairment;

/**
 * What offer/answer decided for one audio stream.
 *
 * @param codec the negotiated codec
 * @param payloadType its payload type in this session
 * @param ptimeMillis the packet duration
 * @param telephoneEventPayloadType the RFC 4733 payload type, or -1 when not negotiated
 * @param impairment the codec's E-model figures, for the quality estimate
 */
public record AudioStreamSettings(
    AudioCodec codec,
    int payloadType,
    int ptimeMillis,
    int telephoneEventPayloadType,
    CodecImpairment impairment) {

  public AudioStreamSettings {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(impairment, "impairment");
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("Payload type out of range: " + payloadType);
    }
    if (ptimeMillis < 10 || ptimeMillis > 120 || ptimeMillis % 10 != 0) {
      throw new IllegalArgumentException("Packet time must be 10..120 ms in steps of 10");
    }
  }

  /** PCM samples in one packet, at the codec's sample rate. */
  public int frameSamples() {
    return codec.sampleRateHz() * ptimeMillis / 1000;
  }

  /** RTP timestamp ticks in one packet, at the codec's clock rate. */
  public int frameTicks() {
    return codec.clockRateHz() * ptimeMillis / 1000;
  }
}
