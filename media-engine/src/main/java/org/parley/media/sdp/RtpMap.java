package org.parley.media.sdp;

import java.util.Optional;

/**
 * The value of an {@code a=rtpmap} attribute: which encoding an RTP payload type stands for.
 *
 * @param payloadType the RTP payload type, 0-127
 * @param encodingName the encoding name as written, such as {@code opus}; compare ignoring case
 * @param clockRateHz the RTP clock rate in Hz
 * @param channels the audio channel count, 1 when the attribute does not say
 */
public record RtpMap(int payloadType, String encodingName, int clockRateHz, int channels) {

  private static final int MAX_PAYLOAD_TYPE = 127;

  public RtpMap {
    if (payloadType < 0 || payloadType > MAX_PAYLOAD_TYPE) {
      throw new IllegalArgumentException("payload type out of range 0-127: " + payloadType);
    }
    SdpText.requireWord(encodingName, "encoding name");
    if (encodingName.indexOf('/') >= 0) {
      throw new IllegalArgumentException("encoding name must not contain '/'");
    }
    if (clockRateHz <= 0 || channels <= 0) {
      throw new IllegalArgumentException("clock rate and channels must be positive");
    }
  }

  /**
   * Reads an {@code rtpmap} value ({@code <payload type> <encoding name>/<clock rate>[/<encoding
   * parameters>]}); empty if it is malformed, so that one bad attribute does not spoil a stream.
   */
  public static Optional<RtpMap> parse(String value) {
    int space = value.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    long payloadType = SdpText.parseDigits(value.substring(0, space), 3);
    String[] parts = value.substring(space + 1).strip().split("/", -1);
    if (payloadType < 0 || payloadType > MAX_PAYLOAD_TYPE || parts.length < 2 || parts.length > 3) {
      return Optional.empty();
    }
    long clockRateHz = SdpText.parseDigits(parts[1], 9);
    long channels = parts.length == 3 ? SdpText.parseDigits(parts[2], 4) : 1;
    if (parts[0].isEmpty() || parts[0].indexOf(' ') >= 0 || clockRateHz <= 0 || channels <= 0) {
      return Optional.empty();
    }
    return Optional.of(new RtpMap((int) payloadType, parts[0], (int) clockRateHz, (int) channels));
  }

  /**
   * The mapping RFC 3551 assigns a static payload type that offers may use without an {@code
   * rtpmap}; empty for dynamic and unassigned types.
   */
  public static Optional<RtpMap> forStaticPayloadType(int payloadType) {
    switch (payloadType) {
      case 0:
        return Optional.of(new RtpMap(0, "PCMU", 8000, 1));
      case 3:
        return Optional.of(new RtpMap(3, "GSM", 8000, 1));
      case 4:
        return Optional.of(new RtpMap(4, "G723", 8000, 1));
      case 8:
        return Optional.of(new RtpMap(8, "PCMA", 8000, 1));
      case 9:
        // G.722's RTP clock is 8000 Hz although it samples at 16 kHz (RFC 3551 §4.5.2).
        return Optional.of(new RtpMap(9, "G722", 8000, 1));
      case 13:
        return Optional.of(new RtpMap(13, "CN", 8000, 1));
      case 18:
        return Optional.of(new RtpMap(18, "G729", 8000, 1));
      case 34:
        return Optional.of(new RtpMap(34, "H263", 90000, 1));
      default:
        return Optional.empty();
    }
  }

  /** This mapping as an attribute; the channel count is written only when it is not 1. */
  public Attribute toAttribute() {
    String value = payloadType + " " + encodingName + "/" + clockRateHz;
    return Attribute.of("rtpmap", channels == 1 ? value : value + "/" + channels);
  }
}
