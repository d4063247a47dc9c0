package org.parley.media.rtp;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.rtcp.Bye;
import org.parley.media.rtcp.NtpTime;
import org.parley.media.rtcp.ReceiverReport;
import org.parley.media.rtcp.ReportBlock;
import org.parley.media.rtcp.RtcpInterval;
import org.parley.media.rtcp.RtcpPacket;
import org.parley.media.rtcp.SenderReport;
import org.parley.media.rtcp.SourceDescription;

/**
 * A session's RTP and RTCP bookkeeping: reception of the remote source, what was sent, the last SR
 * heard (for LSR/DLSR), the round trip, and the reports to send. Thread-safe: the receive thread,
 * the sending thread and the RTCP timer all use it.
 */
final class RtcpReporter {

  /** IPv4 + UDP headers, counted in the RTCP size average (§6.2). */
  private static final int UDP_IP_OVERHEAD_BYTES = 28;

  private final RtpSessionConfig config;

  private ReceptionStatistics reception;
  private long packetsSent;
  private long octetsSent;
  private long lastRtpTimestamp;
  private long lastSendNanos;
  private long sentAtLastReport;
  private long sentAtReportBefore;

  private boolean senderReportHeard;
  private long lastSenderReport;
  private long lastSenderReportArrivalNanos;

  private double roundTripMillis = -1;
  private int remoteFractionLost = -1;
  private long remoteCumulativeLost;

  private long malformedPackets;
  private long ignoredPackets;

  private double averageRtcpBytes;
  private boolean initial = true;

  RtcpReporter(RtpSessionConfig config) {
    this.config = config;
  }

  /** Records an accepted RTP packet; a new SSRC starts new statistics. */
  synchronized void onRtpReceived(RtpPacket packet, long arrivalNanos) {
    if (reception == null || reception.ssrc() != packet.ssrc()) {
      reception =
          new ReceptionStatistics(packet.ssrc(), config.clockRateHz(), packet.sequenceNumber());
    }
    reception.onPacket(packet.sequenceNumber(), packet.timestamp(), arrivalNanos);
  }

  synchronized void onRtpSent(RtpPacket packet, long sendNanos) {
    packetsSent++;
    octetsSent += packet.payload().length;
    lastRtpTimestamp = packet.timestamp();
    lastSendNanos = sendNanos;
  }

  /** Takes LSR from an SR and the round trip and the peer's view of us from report blocks. */
  synchronized void onRtcpReceived(
      List<RtcpPacket> packets, long arrivalNanos, long arrivalNtp, int datagramBytes) {
    updateAverageSize(datagramBytes);
    for (RtcpPacket packet : packets) {
      List<ReportBlock> blocks = List.of();
      if (packet instanceof SenderReport sr) {
        senderReportHeard = true;
        lastSenderReport = NtpTime.middle32(sr.ntpTimestamp());
        lastSenderReportArrivalNanos = arrivalNanos;
        blocks = sr.reportBlocks();
      } else if (packet instanceof ReceiverReport rr) {
        blocks = rr.reportBlocks();
      }
      for (ReportBlock block : blocks) {
        if (block.ssrc() == config.ssrc()) {
          onReportAboutUs(block, arrivalNtp);
        }
      }
    }
  }

  private void onReportAboutUs(ReportBlock block, long arrivalNtp) {
    remoteFractionLost = block.fractionLost();
    remoteCumulativeLost = block.cumulativeLost();
    long units =
        NtpTime.roundTripUnits(
            NtpTime.middle32(arrivalNtp),
            block.lastSenderReport(),
            block.delaySinceLastSenderReport());
    if (units >= 0) {
      roundTripMillis = NtpTime.unitsToMillis(units);
    }
  }

  /** The SR or RR (with a block for the remote source) and SDES CNAME to send now. */
  synchronized List<RtcpPacket> report(long nowNanos, long nowNtp) {
    List<ReportBlock> blocks = new ArrayList<>(1);
    if (reception != null && reception.received() > 0) {
      long dlsr =
          senderReportHeard ? NtpTime.nanosToUnits(nowNanos - lastSenderReportArrivalNanos) : 0;
      blocks.add(reception.reportBlock(senderReportHeard ? lastSenderReport : 0, dlsr));
    }
    boolean weSent = weSent();
    sentAtReportBefore = sentAtLastReport;
    sentAtLastReport = packetsSent;
    List<RtcpPacket> compound = new ArrayList<>(3);
    if (weSent) {
      long elapsedUnits = Math.round((nowNanos - lastSendNanos) / 1e9 * config.clockRateHz());
      compound.add(
          new SenderReport(
              config.ssrc(),
              nowNtp,
              (lastRtpTimestamp + elapsedUnits) & 0xFFFF_FFFFL,
              packetsSent & 0xFFFF_FFFFL,
              octetsSent & 0xFFFF_FFFFL,
              blocks));
    } else {
      compound.add(new ReceiverReport(config.ssrc(), blocks));
    }
    compound.add(SourceDescription.cname(config.ssrc(), config.cname()));
    return compound;
  }

  /** The final report with a BYE (§6.6). */
  synchronized List<RtcpPacket> goodbye(long nowNanos, long nowNtp) {
    List<RtcpPacket> compound = new ArrayList<>(report(nowNanos, nowNtp));
    compound.add(new Bye(List.of(config.ssrc()), ""));
    return compound;
  }

  /** Sent RTP within the last two reporting intervals (§6.3, we_sent). */
  private boolean weSent() {
    return packetsSent > sentAtReportBefore;
  }

  synchronized void onRtcpSent(int datagramBytes) {
    updateAverageSize(datagramBytes);
    initial = false;
  }

  /** The randomised delay before the next report (§6.3.1). */
  synchronized long nextIntervalNanos() {
    int members = reception == null ? 1 : 2;
    int senders = (weSent() ? 1 : 0) + (reception == null ? 0 : 1);
    double rtcpBandwidthBytesPerSecond = config.sessionBandwidthBitsPerSecond() * 0.05 / 8;
    double deterministic =
        RtcpInterval.deterministicSeconds(
            members,
            senders,
            rtcpBandwidthBytesPerSecond,
            weSent(),
            averageRtcpBytes,
            initial,
            config.rtcpMinimumIntervalMillis() / 1000.0);
    return RtcpInterval.randomisedNanos(deterministic, config.random());
  }

  private void updateAverageSize(int datagramBytes) {
    int bytes = datagramBytes + UDP_IP_OVERHEAD_BYTES;
    averageRtcpBytes =
        averageRtcpBytes == 0 ? bytes : averageRtcpBytes + (bytes - averageRtcpBytes) / 16;
  }

  synchronized void countMalformed() {
    malformedPackets++;
  }

  synchronized void countIgnored() {
    ignoredPackets++;
  }

  synchronized RtpStreamStatistics snapshot() {
    return new RtpStreamStatistics(
        reception == null ? 0 : reception.received(),
        reception == null ? 0 : reception.expected(),
        reception == null ? 0 : reception.cumulativeLost(),
        reception == null ? 0 : reception.jitterMillis(),
        roundTripMillis,
        packetsSent,
        octetsSent,
        remoteFractionLost,
        remoteCumulativeLost,
        malformedPackets,
        ignoredPackets);
  }
}
