package org.parley.media.rtp;

import java.time.Clock;
import java.time.Instant;
import org.parley.media.rtcp.NtpTime;

/**
 * The time source of the RTP stack: a monotonic clock for arrival times and intervals, and the wall
 * clock in NTP form for sender reports. Tests inject a manual one.
 */
public interface MediaClock {

  /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
  long monotonicNanos();

  /** The wall-clock time now as a 64-bit NTP timestamp (RFC 3550 §4). */
  long ntpTimestamp();

  /**
   * The system clock. NTP time is read once from the wall clock and then advanced by the monotonic
   * clock, so that it has nanosecond resolution and never steps backwards during a call.
   */
  static MediaClock system() {
    Instant start = Clock.systemUTC().instant();
    long startEpochNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    long startMonotonic = System.nanoTime();
    return new MediaClock() {
      @Override
      public long monotonicNanos() {
        return System.nanoTime();
      }

      @Override
      public long ntpTimestamp() {
        return NtpTime.fromEpochNanos(startEpochNanos + System.nanoTime() - startMonotonic);
      }
    };
  }
}
