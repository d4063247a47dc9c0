package org.parley.media.codec;

import java.util.Set;

/**
 * How an Opus encoder runs: bitrate, complexity, frame duration, in-band FEC, DTX, CBR, channels
 * and the highest sample rate worth coding (RFC 7587 §6.1 {@code maxplaybackrate}).
 *
 * @param bitrateBps target bitrate, 6,000 to 510,000 bit/s
 * @param complexity 0 (cheapest) to 10 (best quality)
 * @param frameMillis duration of one packet: 10, 20, 40 or 60 ms
 * @param inbandFec add low-bitrate redundancy (LBRR) of the previous frame to each packet
 * @param expectedLossPercent loss the encoder plans FEC for, 0-100; FEC needs more than 0
 * @param dtx send nothing but a table-of-contents byte during silence
 * @param cbr constant bitrate instead of variable
 * @param channels PCM channels the encoder takes: 1 or 2
 * @param maxPlaybackRateHz highest audio sample rate to code, 8,000 to 48,000 Hz
 */
public record OpusEncoderSettings(
    int bitrateBps,
    int complexity,
    int frameMillis,
    boolean inbandFec,
    int expectedLossPercent,
    boolean dtx,
    boolean cbr,
    int channels,
    int maxPlaybackRateHz) {

  /** Frame durations a packet may have here; 2.5 and 5 ms are left out as CELT-only. */
  public static final Set<Integer> FRAME_MILLIS = Set.of(10, 20, 40, 60);

  public OpusEncoderSettings {
    requireRange("bitrateBps", bitrateBps, 6_000, 510_000);
    requireRange("complexity", complexity, 0, 10);
    if (!FRAME_MILLIS.contains(frameMillis)) {
      throw new IllegalArgumentException("Opus frames are 10, 20, 40 or 60 ms, not " + frameMillis);
    }
    requireRange("expectedLossPercent", expectedLossPercent, 0, 100);
    requireRange("channels", channels, 1, 2);
    requireRange("maxPlaybackRateHz", maxPlaybackRateHz, 8_000, 48_000);
  }

  /**
   * Settings for a mono voice call: 32 kbit/s VBR, complexity 5 (half the CPU of 10 for little
   * audible loss in speech), 20 ms frames, no FEC or DTX until the peer asks for them.
   */
  public static OpusEncoderSettings voipDefaults() {
    return new OpusEncoderSettings(32_000, 5, 20, false, 0, false, false, 1, 48_000);
  }

  public OpusEncoderSettings withBitrateBps(int value) {
    return new OpusEncoderSettings(
        value,
        complexity,
        frameMillis,
        inbandFec,
        expectedLossPercent,
        dtx,
        cbr,
        channels,
        maxPlaybackRateHz);
  }

  public OpusEncoderSettings withFrameMillis(int value) {
    return new OpusEncoderSettings(
        bitrateBps,
        complexity,
        value,
        inbandFec,
        expectedLossPercent,
        dtx,
        cbr,
        channels,
        maxPlaybackRateHz);
  }

  /** In-band FEC on or off, planned for {@code lossPercent} packet loss. */
  public OpusEncoderSettings withInbandFec(boolean value, int lossPercent) {
    return new OpusEncoderSettings(
        bitrateBps,
        complexity,
        frameMillis,
        value,
        lossPercent,
        dtx,
        cbr,
        channels,
        maxPlaybackRateHz);
  }

  public OpusEncoderSettings withDtx(boolean value) {
    return new OpusEncoderSettings(
        bitrateBps,
        complexity,
        frameMillis,
        inbandFec,
        expectedLossPercent,
        value,
        cbr,
        channels,
        maxPlaybackRateHz);
  }

  public OpusEncoderSettings withCbr(boolean value) {
    return new OpusEncoderSettings(
        bitrateBps,
        complexity,
        frameMillis,
        inbandFec,
        expectedLossPercent,
        dtx,
        value,
        channels,
        maxPlaybackRateHz);
  }

  public OpusEncoderSettings withChannels(int value) {
    return new OpusEncoderSettings(
        bitrateBps,
        complexity,
        frameMillis,
        inbandFec,
        expectedLossPercent,
        dtx,
        cbr,
        value,
        maxPlaybackRateHz);
  }

  public OpusEncoderSettings withMaxPlaybackRateHz(int value) {
    return new OpusEncoderSettings(
        bitrateBps,
        complexity,
        frameMillis,
        inbandFec,
        expectedLossPercent,
        dtx,
        cbr,
        channels,
        value);
  }

  /** Samples per channel in one frame at Opus's 48 kHz. */
  public int frameSamplesPerChannel() {
    return 48 * frameMillis;
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be within " + min + ".." + max + ": " + value);
    }
  }
}
