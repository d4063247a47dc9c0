package org.parley.media.codec;

/**
 * The table-of-contents byte that starts every Opus packet (RFC 6716 §3.1): configuration (mode,
 * bandwidth, frame duration), stereo flag and frame-count code.
 */
public final class OpusToc {

  /** Coding mode of a configuration (RFC 6716 Table 2). */
  public enum Mode {
    SILK,
    HYBRID,
    CELT
  }

  /** Payloads this short carry no audio: an encoder in DTX says "nothing to send" with them. */
  public static final int MAX_DTX_PAYLOAD_BYTES = 2;

  private OpusToc() {}

  /** The configuration number 0-31 of {@code toc}. */
  public static int config(byte toc) {
    return (toc & 0xFF) >> 3;
  }

  public static boolean stereo(byte toc) {
    return (toc & 0x04) != 0;
  }

  /** Frame-count code: 0 one frame, 1 two equal frames, 2 two frames, 3 arbitrary count. */
  public static int frameCountCode(byte toc) {
    return toc & 0x03;
  }

  public static Mode mode(byte toc) {
    int config = config(toc);
    if (config < 12) {
      return Mode.SILK;
    }
    return config < 16 ? Mode.HYBRID : Mode.CELT;
  }

  /**
   * Audio bandwidth of the configuration in Hz (RFC 6716 Table 1): 4,000 narrowband, 6,000
   * mediumband, 8,000 wideband, 12,000 super-wideband, 20,000 fullband.
   */
  public static int bandwidthHz(byte toc) {
    int config = config(toc);
    int[] bandwidths = {4_000, 6_000, 8_000, 12_000, 20_000};
    if (config < 12) {
      return bandwidths[config >> 2];
    }
    if (config < 16) {
      return bandwidths[3 + ((config - 12) >> 1)];
    }
    return new int[] {4_000, 8_000, 12_000, 20_000}[(config - 16) >> 2];
  }

  /** Duration of each frame in the packet, in microseconds (2,500 to 60,000). */
  public static int frameDurationMicros(byte toc) {
    int config = config(toc);
    if (config < 12) {
      return new int[] {10_000, 20_000, 40_000, 60_000}[config & 3];
    }
    if (config < 16) {
      return (config & 1) == 0 ? 10_000 : 20_000;
    }
    return new int[] {2_500, 5_000, 10_000, 20_000}[config & 3];
  }

  /** Samples per channel in each frame at {@code sampleRateHz}. */
  public static int samplesPerFrame(byte toc, int sampleRateHz) {
    return (int) ((long) frameDurationMicros(toc) * sampleRateHz / 1_000_000);
  }

  /**
   * A one-byte packet with the same configuration and a single zero-length frame, which a decoder
   * treats as a lost frame (RFC 6716 §3.2.1 lets a 0-byte frame stand for DTX or loss).
   */
  public static byte[] lostFramePacket(byte toc) {
    return new byte[] {(byte) (toc & 0xFC)};
  }

  /** Whether a payload of this length is a DTX "nothing to send" packet rather than audio. */
  public static boolean isDtx(int payloadLength) {
    return payloadLength <= MAX_DTX_PAYLOAD_BYTES;
  }
}
