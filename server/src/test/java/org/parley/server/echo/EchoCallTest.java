package org.parley.server.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;
import org.parley.server.echo.EchoMediaSession.EndReason;

/** A whole echo call on loopback: offer in, answer out, RTP reflected on the answered port. */
class EchoCallTest {

  private final BlockingQueue<EndReason> ends = new ArrayBlockingQueue<>(4);

  @Test
  void rtpSentToTheAnsweredPortComesBack() throws Exception {
    SessionDescription offer = SdpParser.parse(EchoOffers.SOFTPHONE);

    try (EchoCall call =
            EchoCall.accept(offer, UdpPeer.LOOPBACK, EchoLimits.DEFAULT, ends::add).orElseThrow();
        UdpPeer caller = new UdpPeer(5000)) {
      SessionDescription answer = SdpParser.parse(call.answer().format());
      MediaDescription audio = answer.media().get(0);
      byte[] packet = UdpPeer.rtp(96, 1, 42, 120);

      caller.send(packet, audio.port());

      assertThat(answer.effectiveConnection(audio).orElseThrow().host())
          .isEqualTo(UdpPeer.LOOPBACK.getHostAddress());
      assertThat(caller.receive().data()).isEqualTo(packet);
    }
  }

  @Test
  void eachAcceptedStreamGetsItsOwnSession() throws Exception {
    SessionDescription offer = SdpParser.parse(EchoOffers.TWO_OF_EACH);

    try (EchoCall call =
        EchoCall.accept(offer, UdpPeer.LOOPBACK, EchoLimits.DEFAULT, ends::add).orElseThrow()) {
      assertThat(call.sessions()).hasSize(2);
      assertThat(call.answer().media())
          .extracting(MediaDescription::port)
          .containsExactly(
              call.sessions().get(0).rtpPort(), 0, call.sessions().get(1).rtpPort(), 0);
    }
  }

  @Test
  void nothingAcceptableGivesNoCall() throws Exception {
    SessionDescription offer = SdpParser.parse(EchoOffers.NOTHING_ECHOABLE);

    assertThat(EchoCall.accept(offer, UdpPeer.LOOPBACK, EchoLimits.DEFAULT, ends::add)).isEmpty();
  }

  @Test
  void onlyThePrimaryStreamEndsTheCallWhenIdle() throws Exception {
    SessionDescription offer = SdpParser.parse(EchoOffers.TWO_OF_EACH);
    EchoLimits shortIdle =
        new EchoLimits(Duration.ofMillis(200), Duration.ofMinutes(1), Duration.ofSeconds(2));

    try (EchoCall call =
        EchoCall.accept(offer, UdpPeer.LOOPBACK, shortIdle, ends::add).orElseThrow()) {
      assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo(EndReason.IDLE);
      // The video session goes idle as well, but the call was told once only.
      assertThat(ends.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void closeFreesEveryPort() throws Exception {
    SessionDescription offer = SdpParser.parse(EchoOffers.PLAIN_PHONE);
    EchoCall call =
        EchoCall.accept(offer, UdpPeer.LOOPBACK, EchoLimits.DEFAULT, ends::add).orElseThrow();
    int rtpPort = call.sessions().get(0).rtpPort();
    int rtcpPort = call.sessions().get(0).rtcpPort();

    call.close();

    try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(UdpPeer.LOOPBACK, rtpPort));
        DatagramSocket rtcp =
            new DatagramSocket(new InetSocketAddress(UdpPeer.LOOPBACK, rtcpPort))) {
      assertThat(rtcp.getLocalPort()).isEqualTo(rtp.getLocalPort() + 1);
    }
  }
}
