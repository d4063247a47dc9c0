package org.parley.media.jitter;

import org.parley.media.rtp.RtpPacket;

/**
 * Smooths network jitter between the RTP receiver and the playout clock: packets go in as they
 * arrive, decoded frames come out at a steady rate, with loss concealed and delay adapted.
 *
 * <p>{@link #insert} is called from the network thread and {@link #pull} from the playout thread;
 * implementations are safe for that pair of threads.
 */
public interface JitterBuffer {

  /**
   * Takes one received packet of this stream's audio payload type.
   *
   * @param arrivalMillis when it arrived, on the receiver's monotonic clock in milliseconds
   */
  void insert(RtpPacket packet, long arrivalMillis);

  /** Fills the whole of {@code frame} with the next decoded (or concealed) samples. */
  void pull(short[] frame);

  /** A snapshot of the counters and the current and target delay. */
  JitterBufferStatistics statistics();
}
