package org.parley.media.rtcp;

import java.util.List;

/**
 * An SR (RFC 3550 §6.4.1): the sender's NTP and RTP clocks and counts, plus its reception reports.
 *
 * @param ssrc the sender
 * @param ntpTimestamp the wall-clock time of the report, 64-bit NTP format
 * @param rtpTimestamp the same instant in the stream's RTP timestamp units
 * @param packetCount RTP packets sent since the start
 * @param octetCount payload octets sent since the start
 * @param reportBlocks reception reports, at most 31
 */
public record SenderReport(
    long ssrc,
    long ntpTimestamp,
    long rtpTimestamp,
    long packetCount,
    long octetCount,
    List<ReportBlock> reportBlocks)
    implements RtcpPacket {

  public SenderReport {
    ReportBlock.requireU32(ssrc, "SSRC");
    ReportBlock.requireU32(rtpTimestamp, "RTP timestamp");
    ReportBlock.requireU32(packetCount, "packet count");
    ReportBlock.requireU32(octetCount, "octet count");
    reportBlocks = RtcpWriter.checkBlocks(reportBlocks);
  }

  @Override
  public int packetType() {
    return SR;
  }
}
