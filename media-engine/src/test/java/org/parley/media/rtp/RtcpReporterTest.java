package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.rtcp.NtpTime;
import org.parley.media.rtcp.ReceiverReport;
import org.parley.media.rtcp.ReportBlock;
import org.parley.media.rtcp.RtcpPacket;
import org.parley.media.rtcp.SenderReport;
import org.parley.media.rtcp.SourceDescription;
import org.parley.media.testing.ManualMediaClock;

class RtcpReporterTest {

  static final long MS = 1_000_000;

  final ManualMediaClock clock = new ManualMediaClock(1_700_000_000_000_000_000L);

  RtcpReporter reporter(long ssrc) {
    return new RtcpReporter(
        RtpSessionConfig.builder().ssrc(ssrc).cname("u" + ssrc + "@host").clock(clock).build());
  }

  static RtpPacket packet(long ssrc, int seq) {
    return RtpPacket.of(0, false, seq, seq * 160L, ssrc, new byte[160]);
  }

  @Test
  void aSenderReportsWithSrAndARtpTimestampAdvancedToNow() {
    RtcpReporter alice = reporter(1);
    alice.onRtpSent(packet(1, 10), 0);
    clock.setMillis(25); // 25 ms after the last packet, at 8 kHz: 200 units

    List<RtcpPacket> report = alice.report(clock.monotonicNanos(), clock.ntpTimestamp());

    SenderReport sr = (SenderReport) report.get(0);
    assertThat(sr.ssrc()).isEqualTo(1);
    assertThat(sr.rtpTimestamp()).isEqualTo(10 * 160 + 200);
    assertThat(sr.packetCount()).isEqualTo(1);
    assertThat(sr.octetCount()).isEqualTo(160);
    assertThat(sr.ntpTimestamp()).isEqualTo(clock.ntpTimestamp());
    assertThat(((SourceDescription) report.get(1)).cnameOf(1)).contains("u1@host");
  }

  @Test
  void aSenderFallsBackToRrAfterTwoSilentIntervals() {
    RtcpReporter alice = reporter(1);
    alice.onRtpSent(packet(1, 10), 0);

    assertThat(alice.report(0, 0).get(0)).isInstanceOf(SenderReport.class);
    assertThat(alice.report(0, 0).get(0)).isInstanceOf(SenderReport.class);
    assertThat(alice.report(0, 0).get(0)).isInstanceOf(ReceiverReport.class);
  }

  @Test
  void roundTripIsArrivalMinusLsrMinusDlsr() {
    RtcpReporter alice = reporter(1);
    RtcpReporter bob = reporter(2);
    for (int seq = 0; seq < 5; seq++) {
      alice.onRtpSent(packet(1, seq), seq * 20 * MS);
      bob.onRtpReceived(packet(1, seq), seq * 20 * MS + 10 * MS);
    }

    clock.setMillis(100);
    List<RtcpPacket> sr = alice.report(clock.monotonicNanos(), clock.ntpTimestamp());
    clock.setMillis(110); // 10 ms on the way
    bob.onRtcpReceived(sr, clock.monotonicNanos(), clock.ntpTimestamp(), 60);
    clock.setMillis(210); // Bob holds it 100 ms
    ReceiverReport rr =
        (ReceiverReport) bob.report(clock.monotonicNanos(), clock.ntpTimestamp()).get(0);
    clock.setMillis(220); // 10 ms back
    alice.onRtcpReceived(List.of(rr), clock.monotonicNanos(), clock.ntpTimestamp(), 60);

    ReportBlock block = rr.reportBlocks().get(0);
    assertThat(block.ssrc()).isEqualTo(1);
    assertThat(block.lastSenderReport())
        .isEqualTo(NtpTime.middle32(((SenderReport) sr.get(0)).ntpTimestamp()));
    assertThat(block.delaySinceLastSenderReport()).isEqualTo(6553); // 0.1 s * 65536, truncated
    // 220 - 100 - 100 ms = 20 ms, to within the 1/65536 s resolution of the fields.
    assertThat(alice.snapshot().roundTripMillis()).isCloseTo(20.0, within(0.05));
    assertThat(alice.snapshot().remoteFractionLost()).isZero();
  }

  @Test
  void aNewSsrcStartsNewStatistics() {
    RtcpReporter bob = reporter(2);
    bob.onRtpReceived(packet(1, 0), 0);
    bob.onRtpReceived(packet(1, 1), 0);
    bob.onRtpReceived(packet(1, 2), 0);
    assertThat(bob.snapshot().packetsReceived()).isEqualTo(2);

    bob.onRtpReceived(packet(7, 500), 0); // probation of the new source
    bob.onRtpReceived(packet(7, 501), 0);

    assertThat(bob.snapshot().packetsReceived()).isEqualTo(1);
  }
}
