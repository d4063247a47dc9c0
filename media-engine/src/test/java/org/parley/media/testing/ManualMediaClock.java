package org.parley.media.testing;

import org.parley.media.rtcp.NtpTime;
import org.parley.media.rtp.MediaClock;

/** A media clock that moves only when a test advances it; NTP time follows the monotonic time. */
public final class ManualMediaClock implements MediaClock {

  private final long epochNanosAtZero;
  private long nanos;

  /** A clock whose NTP time at monotonic zero is {@code epochNanosAtZero} after 1970. */
  public ManualMediaClock(long epochNanosAtZero) {
    this.epochNanosAtZero = epochNanosAtZero;
  }

  public synchronized void advanceMillis(double millis) {
    nanos += Math.round(millis * 1_000_000);
  }

  public synchronized void setMillis(double millis) {
    nanos = Math.round(millis * 1_000_000);
  }

  @Override
  public synchronized long monotonicNanos() {
    return nanos;
  }

  @Override
  public synchronized long ntpTimestamp() {
    return NtpTime.fromEpochNanos(epochNanosAtZero + nanos);
  }
}
