package org.parley.media.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The Opus format parameters of an SDP {@code a=fmtp} line (RFC 7587 §6.1), each with the RFC's
 * default when absent.
 *
 * @param maxPlaybackRateHz highest sample rate the receiver renders (default 48,000)
 * @param spropMaxCaptureRateHz highest sample rate the sender captures (default 48,000)
 * @param maxAverageBitrateBps highest average bitrate the receiver takes, absent if unlimited
 * @param stereo the receiver prefers stereo (default false)
 * @param spropStereo the sender is likely to send stereo (default false)
 * @param cbr the receiver wants constant bitrate (default false)
 * @param useInbandFec the receiver's decoder can use in-band FEC (default false)
 * @param useDtx the receiver prefers discontinuous transmission (default false)
 * @param minPtimeMillis shortest packet duration the receiver wants, absent if any
 */
public record OpusParameters(
    int maxPlaybackRateHz,
    int spropMaxCaptureRateHz,
    OptionalInt maxAverageBitrateBps,
    boolean stereo,
    boolean spropStereo,
    boolean cbr,
    boolean useInbandFec,
    boolean useDtx,
    OptionalInt minPtimeMillis) {

  private static final int MIN_RATE_HZ = 8_000;
  private static final int MAX_RATE_HZ = 48_000;
  private static final int MIN_BITRATE_BPS = 6_000;
  private static final int MAX_BITRATE_BPS = 510_000;

  /** The parameters of an empty fmtp line: every RFC 7587 default. */
  public static final OpusParameters DEFAULTS =
      new OpusParameters(
          MAX_RATE_HZ,
          MAX_RATE_HZ,
          OptionalInt.empty(),
          false,
          false,
          false,
          false,
          false,
          OptionalInt.empty());

  /**
   * Reads the text after the payload type of an fmtp line, such as {@code "maxplaybackrate=16000;
   * useinbandfec=1"}. Names are case-insensitive; unknown names and values that are not numbers are
   * ignored (a peer's typo must not fail a call); rates and bitrates outside the RFC's ranges are
   * clamped into them.
   */
  public static OpusParameters parse(String fmtp) {
    Builder b = new Builder();
    for (String item : fmtp.split(";")) {
      int equals = item.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String name = item.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      int value;
      try {
        value = Integer.parseInt(item.substring(equals + 1).strip());
      } catch (NumberFormatException e) {
        continue;
      }
      b.set(name, value);
    }
    return b.build();
  }

  /** Writes the parameters that differ from the RFC defaults, in the RFC's order. */
  public String format() {
    List<String> items = new ArrayList<>();
    if (maxPlaybackRateHz != MAX_RATE_HZ) {
      items.add("maxplaybackrate=" + maxPlaybackRateHz);
    }
    if (spropMaxCaptureRateHz != MAX_RATE_HZ) {
      items.add("sprop-maxcapturerate=" + spropMaxCaptureRateHz);
    }
    maxAverageBitrateBps.ifPresent(v -> items.add("maxaveragebitrate=" + v));
    addFlag(items, "stereo", stereo);
    addFlag(items, "sprop-stereo", spropStereo);
    addFlag(items, "cbr", cbr);
    addFlag(items, "useinbandfec", useInbandFec);
    addFlag(items, "usedtx", useDtx);
    minPtimeMillis.ifPresent(v -> items.add("minptime=" + v));
    return String.join("; ", items);
  }

  private static void addFlag(List<String> items, String name, boolean value) {
    if (value) {
      items.add(name + "=1");
    }
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  /** Collects parsed values over the defaults. */
  private static final class Builder {
    int maxPlaybackRateHz = MAX_RATE_HZ;
    int spropMaxCaptureRateHz = MAX_RATE_HZ;
    OptionalInt maxAverageBitrateBps = OptionalInt.empty();
    boolean stereo;
    boolean spropStereo;
    boolean cbr;
    boolean useInbandFec;
    boolean useDtx;
    OptionalInt minPtimeMillis = OptionalInt.empty();

    void set(String name, int value) {
      switch (name) {
        case "maxplaybackrate" -> maxPlaybackRateHz = clamp(value, MIN_RATE_HZ, MAX_RATE_HZ);
        case "sprop-maxcapturerate" ->
            spropMaxCaptureRateHz = clamp(value, MIN_RATE_HZ, MAX_RATE_HZ);
        case "maxaveragebitrate" ->
            maxAverageBitrateBps = OptionalInt.of(clamp(value, MIN_BITRATE_BPS, MAX_BITRATE_BPS));
        case "stereo" -> stereo = value == 1;
        case "sprop-stereo" -> spropStereo = value == 1;
        case "cbr" -> cbr = value == 1;
        case "useinbandfec" -> useInbandFec = value == 1;
        case "usedtx" -> useDtx = value == 1;
        case "minptime" -> {
          if (value > 0) {
            minPtimeMillis = OptionalInt.of(value);
          }
        }
        default -> {
          // Unknown parameters are ignored, as RFC 4566 §6 asks of fmtp receivers.
        }
      }
    }

    OpusParameters build() {
      return new OpusParameters(
          maxPlaybackRateHz,
          spropMaxCaptureRateHz,
          maxAverageBitrateBps,
          stereo,
          spropStereo,
          cbr,
          useInbandFec,
          useDtx,
          minPtimeMillis);
    }
  }
}
