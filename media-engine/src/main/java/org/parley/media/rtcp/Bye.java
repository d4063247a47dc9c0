package org.parley.media.rtcp;

import java.util.List;
import java.util.Objects;

/**
 * A BYE packet (RFC 3550 §6.6): the listed sources are leaving.
 *
 * @param ssrcs the sources leaving, at most 31
 * @param reason why, or the empty string for no reason; sent as at most 255 bytes of UTF-8
 */
public record Bye(List<Long> ssrcs, String reason) implements RtcpPacket {

  public Bye {
    ssrcs = List.copyOf(ssrcs);
    if (ssrcs.size() > 31) {
      throw new IllegalArgumentException("more than 31 SSRCs in a BYE: " + ssrcs.size());
    }
    ssrcs.forEach(s -> ReportBlock.requireU32(s, "SSRC"));
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public int packetType() {
    return BYE;
  }
}
