package org.parley.media.dtmf;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received RFC 4733 telephone-event packets into digits, each reported exactly once.
 *
 * <p>Packets of one event share its RTP timestamp, so digits are told apart by timestamp. A digit
 * is reported at its first end packet (the two retransmissions are then ignored) or, if all end
 * packets were lost, when a packet with a newer timestamp shows it is over. Packets for an older
 * timestamp than the current event are stale (reordered after a newer event began) and ignored.
 * Malformed payloads are dropped and counted. Not thread-safe: use it from the receive thread.
 */
public final class DtmfReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(DtmfReceiver.class);
  private static final long UNSET = -1;

  private long currentTimestamp = UNSET;
  private TelephoneEvent current;
  private boolean reported;
  private long malformed;

  /**
   * Takes one telephone-event packet.
   *
   * @return the digits completed by it, in order: usually none or one
   */
  public List<ReceivedDigit> receive(RtpPacket packet) {
    List<TelephoneEvent> events;
    try {
      events = TelephoneEvent.decode(packet.payload(), 0, packet.payload().length);
    } catch (IllegalArgumentException e) {
      malformed++;
      LOG.debug("Dropped malformed telephone-event payload: {}", e.getMessage());
      return List.of();
    }
    // A payload may pack several events; only the first is read, the case every sender we know
    // of produces.
    TelephoneEvent event = events.get(0);
    long timestamp = packet.timestamp();
    List<ReceivedDigit> digits = new ArrayList<>(2);
    if (currentTimestamp != UNSET && timestamp != currentTimestamp) {
      if (isOlder(timestamp, currentTimestamp)) {
        return digits;
      }
      if (!reported && current.isDtmf()) {
        digits.add(digit(false));
      }
      current = null;
    }
    if (currentTimestamp != timestamp || current == null) {
      currentTimestamp = timestamp;
      current = event;
      reported = false;
    } else if (event.durationTicks() > current.durationTicks() || event.end()) {
      current = event;
    }
    if (event.end() && !reported) {
      current = event;
      reported = true;
      if (event.isDtmf()) {
        digits.add(digit(true));
      }
    }
    return digits;
  }

  /**
   * Reports the current digit if no end packet came for it, for when the stream stops or audio
   * resumes with the end packets lost; it is not reported again if they arrive after all.
   */
  public List<ReceivedDigit> flush() {
    if (current == null || reported || !current.isDtmf()) {
      return List.of();
    }
    reported = true;
    return List.of(digit(false));
  }

  /** Payloads dropped because their length was not a multiple of 4. */
  public long malformedPackets() {
    return malformed;
  }

  private ReceivedDigit digit(boolean ended) {
    return new ReceivedDigit(
        current.digit(), currentTimestamp, current.durationTicks(), current.volume(), ended);
  }

  /** RTP timestamp comparison modulo 2^32 (RFC 3550 serial arithmetic). */
  private static boolean isOlder(long timestamp, long than) {
    return (int) (timestamp - than) < 0;
  }
}
