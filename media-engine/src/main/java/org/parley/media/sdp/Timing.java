package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code t=} line with the {@code r=} lines that follow it: when a session is active.
 *
 * @param startNtpSeconds start time in seconds since 1900 (NTP), or 0 for unbounded
 * @param stopNtpSeconds stop time in seconds since 1900 (NTP), or 0 for unbounded
 * @param repeatTimes the values of the {@code r=} lines, kept as written
 */
public record Timing(long startNtpSeconds, long stopNtpSeconds, List<String> repeatTimes) {

  /** {@code t=0 0}: a permanent session, what SIP uses (RFC 3264 §5). */
  public static final Timing PERMANENT = new Timing(0, 0, List.of());

  public Timing {
    if (startNtpSeconds < 0 || stopNtpSeconds < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
    repeatTimes = List.copyOf(repeatTimes);
    repeatTimes.forEach(r -> SdpText.requireText(r, "repeat time"));
  }

  /** The same timing with one more {@code r=} line. */
  public Timing withRepeatTime(String repeatTime) {
    List<String> repeats = new ArrayList<>(repeatTimes);
    repeats.add(repeatTime);
    return new Timing(startNtpSeconds, stopNtpSeconds, repeats);
  }
}
