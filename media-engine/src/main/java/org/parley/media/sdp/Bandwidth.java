package org.parley.media.sdp;

/**
 * A {@code b=} line: the bandwidth a session or stream is expected to use.
 *
 * @param type the bandwidth type: {@code CT} or {@code AS} (kilobits per second), {@code TIAS}
 *     (bits per second, RFC 3890), {@code RS}/{@code RR} (bits per second, RFC 3556), or another
 *     token kept as written
 * @param value the bandwidth in the unit of its type
 */
public record Bandwidth(String type, long value) {

  public Bandwidth {
    SdpText.requireToken(type, "bandwidth type");
    if (value < 0) {
      throw new IllegalArgumentException("bandwidth must not be negative: " + value);
    }
  }

  String lineValue() {
    return type + ":" + value;
  }
}
