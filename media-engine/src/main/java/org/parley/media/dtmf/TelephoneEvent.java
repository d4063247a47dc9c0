package org.parley.media.dtmf;

import java.util.ArrayList;
import java.util.List;

/**
 * One named telephone event as RFC 4733 §2.3 carries it in 4 bytes: event code, end bit, volume and
 * duration so far.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 *
 * @param event the event code, 0..255 (DTMF: 0-9, * = 10, # = 11, A-D = 12-15)
 * @param end the E bit: this is (a retransmission of) the event's last packet
 * @param volume the power level in -dBm0, 0..63 (DTMF only; 0 otherwise)
 * @param durationTicks the duration so far, in RTP clock ticks, 0..65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int durationTicks) {

  /** Bytes per event in a payload. */
  public static final int SIZE = 4;

  private static final String DIGITS = "0123456789*#ABCD";

  public TelephoneEvent {
    if (event < 0 || event > 255) {
      throw new IllegalArgumentException("Event code out of range: " + event);
    }
    if (volume < 0 || volume > 63) {
      throw new IllegalArgumentException("Volume out of range 0..63: " + volume);
    }
    if (durationTicks < 0 || durationTicks > 0xFFFF) {
      throw new IllegalArgumentException("Duration out of range 0..65535: " + durationTicks);
    }
  }

  /** The DTMF event code (RFC 4733 §3.2) for {@code 0-9}, {@code *}, {@code #} or {@code A-D}. */
  public static int codeOf(char digit) {
    int code = DIGITS.indexOf(Character.toUpperCase(digit));
    if (code < 0) {
      throw new IllegalArgumentException("Not a DTMF digit: '" + digit + "'");
    }
    return code;
  }

  /** Whether this is one of the sixteen DTMF events. */
  public boolean isDtmf() {
    return event < DIGITS.length();
  }

  /**
   * The DTMF digit of this event.
   *
   * @throws IllegalStateException if it is not a DTMF event
   */
  public char digit() {
    if (!isDtmf()) {
      throw new IllegalStateException("Event " + event + " is not a DTMF digit");
    }
    return DIGITS.charAt(event);
  }

  /** The 4 payload bytes; the reserved bit is sent as zero. */
  public byte[] encode() {
    return new byte[] {
      (byte) event,
      (byte) ((end ? 0x80 : 0) | volume),
      (byte) (durationTicks >> 8),
      (byte) durationTicks
    };
  }

  /**
   * Parses a telephone-event payload, one or more 4-byte events; the reserved bit is ignored as
   * §2.3.3 requires.
   *
   * @throws IllegalArgumentException if the length is zero or not a multiple of 4
   */
  public static List<TelephoneEvent> decode(byte[] payload, int offset, int length) {
    if (length <= 0 || length % SIZE != 0) {
      throw new IllegalArgumentException(
          "Telephone-event payload must be a non-zero multiple of 4 bytes, was " + length);
    }
    List<TelephoneEvent> events = new ArrayList<>(length / SIZE);
    for (int i = offset; i < offset + length; i += SIZE) {
      int flags = payload[i + 1] & 0xFF;
      int duration = ((payload[i + 2] & 0xFF) << 8) | (payload[i + 3] & 0xFF);
      events.add(
          new TelephoneEvent(payload[i] & 0xFF, (flags & 0x80) != 0, flags & 0x3F, duration));
    }
    return events;
  }
}
