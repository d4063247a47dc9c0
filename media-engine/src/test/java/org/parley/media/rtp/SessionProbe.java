package org.parley.media.rtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.media.rtcp.RtcpPacket;

/** An RTP session with queues of what it received, for loopback tests. */
final class SessionProbe implements AutoCloseable {

  static final long NO_TIMER_MILLIS = 3_600_000;

  final BlockingQueue<ReceivedRtpPacket> rtp = new LinkedBlockingQueue<>();
  final BlockingQueue<List<RtcpPacket>> rtcp = new LinkedBlockingQueue<>();
  final RtpSession session;

  SessionProbe(RtpSessionConfig config) throws IOException {
    session = RtpSession.open(config, rtp::add, rtcp::add);
  }

  /** A builder for loopback sessions whose RTCP timer stays out of the way. */
  static RtpSessionConfig.Builder quiet(long ssrc, boolean rtcpMux) {
    return RtpSessionConfig.builder()
        .ssrc(ssrc)
        .cname("ssrc" + ssrc + "@loopback")
        .rtcpMux(rtcpMux)
        .rtcpMinimumIntervalMillis(NO_TIMER_MILLIS);
  }

  /** Points each session at the other. */
  static void connect(SessionProbe a, SessionProbe b) {
    a.session.setRemote(b.session.localRtpAddress(), b.session.localRtcpAddress());
    b.session.setRemote(a.session.localRtpAddress(), a.session.localRtcpAddress());
  }

  ReceivedRtpPacket nextRtp() throws InterruptedException {
    ReceivedRtpPacket packet = rtp.poll(5, TimeUnit.SECONDS);
    if (packet == null) {
      throw new AssertionError("no RTP within 5 s");
    }
    return packet;
  }

  List<RtcpPacket> nextRtcp() throws InterruptedException {
    List<RtcpPacket> compound = rtcp.poll(5, TimeUnit.SECONDS);
    if (compound == null) {
      throw new AssertionError("no RTCP within 5 s");
    }
    return compound;
  }

  /** Takes {@code count} RTP packets, failing if they do not all come within 5 s each. */
  List<ReceivedRtpPacket> takeRtp(int count) throws InterruptedException {
    List<ReceivedRtpPacket> packets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      packets.add(nextRtp());
    }
    return packets;
  }

  @Override
  public void close() {
    session.close();
  }
}
