package org.parley.media.dtmf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.parley.media.rtp.RtpPacket;

/**
 * Sends DTMF digits as RFC 4733 telephone events, driven by the stream's packetisation clock.
 *
 * <p>Each digit's first packet carries the marker bit; every packetisation interval another packet
 * follows with the same timestamp (the event's start) and the duration so far; when the duration is
 * reached the end packet (E bit) goes out three times (§2.5.1.4), with its own sequence numbers.
 * The next digit starts after at least one idle interval. Durations beyond what the 16-bit field
 * holds (long-event segmentation, §2.5.1.3) are not supported. The RTP session supplies the
 * sequence numbers, which it shares with the audio stream; {@link #send} may be called from any
 * thread.
 */
public final class DtmfSender {

  /** Volume (-dBm0) used when none is given; typical of a telephone keypad. */
  public static final int DEFAULT_VOLUME = 10;

  private static final int END_REPEATS = 3;

  private record Pending(int event, int durationTicks, int volume) {}

  private final int payloadType;
  private final long ssrc;
  private final int clockRateHz;
  private final int packetTicks;
  private final IntSupplier nextSequence;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  private Pending current;
  private long eventTimestamp;
  private int elapsedTicks;
  private boolean justEnded;

  /**
   * Creates a sender.
   *
   * @param payloadType the dynamic payload type negotiated for {@code telephone-event}
   * @param clockRateHz its clock rate (that of the audio codec, usually 8000)
   * @param packetMillis the interval between updates (RFC 4733 suggests 50 ms)
   * @param nextSequence hands out the RTP session's next sequence number
   */
  public DtmfSender(
      int payloadType, long ssrc, int clockRateHz, int packetMillis, IntSupplier nextSequence) {
    if (clockRateHz <= 0 || packetMillis <= 0) {
      throw new IllegalArgumentException("Clock rate and packet interval must be positive");
    }
    this.payloadType = payloadType;
    this.ssrc = ssrc;
    this.clockRateHz = clockRateHz;
    this.packetTicks = clockRateHz * packetMillis / 1000;
    this.nextSequence = nextSequence;
  }

  /** Queues a digit at {@link #DEFAULT_VOLUME}. */
  public void send(char digit, int durationMillis) {
    send(digit, durationMillis, DEFAULT_VOLUME);
  }

  /**
   * Queues a digit to follow any still being sent.
   *
   * @throws IllegalArgumentException for a non-DTMF character, a volume outside 0..63, or a
   *     duration that is not positive or does not fit the 16-bit field
   */
  public void send(char digit, int durationMillis, int volume) {
    long ticks = (long) durationMillis * clockRateHz / 1000;
    if (ticks <= 0 || ticks > 0xFFFF) {
      throw new IllegalArgumentException("Unsupported event duration: " + durationMillis + " ms");
    }
    Pending pending = new Pending(TelephoneEvent.codeOf(digit), (int) ticks, volume);
    new TelephoneEvent(pending.event(), false, volume, 0); // validates the volume now
    synchronized (queue) {
      queue.addLast(pending);
    }
  }

  /** Whether an event is being sent or queued (the audio encoder should pause, §2.5.1.1). */
  public boolean isActive() {
    synchronized (queue) {
      return current != null || !queue.isEmpty();
    }
  }

  /**
   * Called once per packetisation interval; returns the packets to send now (none, one, or the
   * three end packets).
   *
   * @param mediaTimestamp the stream's RTP timestamp for this interval
   */
  public List<RtpPacket> poll(long mediaTimestamp) {
    synchronized (queue) {
      if (current == null) {
        if (justEnded || queue.isEmpty()) {
          justEnded = false;
          return List.of();
        }
        current = queue.pollFirst();
        eventTimestamp = mediaTimestamp & 0xFFFF_FFFFL;
        elapsedTicks = Math.min(packetTicks, current.durationTicks());
        if (elapsedTicks < current.durationTicks()) {
          return List.of(packet(true, false));
        }
        return endPackets(true);
      }
      elapsedTicks = Math.min(elapsedTicks + packetTicks, current.durationTicks());
      if (elapsedTicks < current.durationTicks()) {
        return List.of(packet(false, false));
      }
      return endPackets(false);
    }
  }

  private List<RtpPacket> endPackets(boolean marker) {
    List<RtpPacket> packets = new ArrayList<>(END_REPEATS);
    for (int i = 0; i < END_REPEATS; i++) {
      packets.add(packet(marker && i == 0, true));
    }
    current = null;
    justEnded = true;
    return packets;
  }

  private RtpPacket packet(boolean marker, boolean end) {
    TelephoneEvent event = new TelephoneEvent(current.event(), end, current.volume(), elapsedTicks);
    return RtpPacket.of(
        payloadType,
        marker,
        nextSequence.getAsInt() & 0xFFFF,
        eventTimestamp,
        ssrc,
        event.encode());
  }
}
