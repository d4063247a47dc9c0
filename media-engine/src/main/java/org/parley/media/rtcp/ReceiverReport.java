package org.parley.media.rtcp;

import java.util.List;

/**
 * An RR (RFC 3550 §6.4.2): reception reports from a participant that has not sent recently.
 *
 * @param ssrc the reporter
 * @param reportBlocks reception reports, at most 31
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reportBlocks) implements RtcpPacket {

  public ReceiverReport {
    ReportBlock.requireU32(ssrc, "SSRC");
    reportBlocks = RtcpWriter.checkBlocks(reportBlocks);
  }

  @Override
  public int packetType() {
    return RR;
  }
}
