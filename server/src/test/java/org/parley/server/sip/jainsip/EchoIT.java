package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.testing.MemoryLocationStore;

/** The echo test: a call to sip:echo@domain gets its own RTP back, and a quiet call is hung up. */
class EchoIT {

  private TestSipServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestSipServer(new MemoryLocationStore());
    server.addUser("alice", "wonderland");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String invite(RawSipClient alice, String from, int cseq, String extra) {
    return "INVITE sip:echo@office.example SIP/2.0\nVia: "
        + alice.via()
        + "\nMax-Forwards: 70\n"
        + "From: <"
        + from
        + ">;tag=a1\nTo: <sip:echo@office.example>\nCall-ID: echo-call\n"
        + "CSeq: "
        + cseq
        + " INVITE\nContact: "
        + alice.contact("alice")
        + "\nContent-Type: application/sdp"
        + (extra.isEmpty() ? "" : "\n" + extra);
  }

  private static String offer(int rtpPort) {
    return "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + rtpPort
        + " RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
  }

  private static SipMessage call(RawSipClient alice, int rtpPort) throws Exception {
    alice.send(invite(alice, "sip:alice@office.example", 1, ""), offer(rtpPort));
    SipMessage challenge = alice.receive(m -> m.status() != 100);
    assertThat(challenge.status()).isEqualTo(407);
    String auth =
        DigestClient.authorization(
            challenge.headers("Proxy-Authenticate").get(1),
            "alice",
            "wonderland",
            "INVITE",
            "sip:echo@office.example");
    alice.send(
        invite(alice, "sip:alice@office.example", 2, "Proxy-Authorization: " + auth),
        offer(rtpPort));
    return alice.receive(m -> m.isResponse() && m.status() >= 200);
  }

  @Test
  void echoAnswersAndSendsTheCallersRtpBack() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      SipMessage ok = call(alice, media.getLocalPort());

      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");
      SessionDescription answer = SdpParser.parse(ok.body());
      int echoPort = answer.media().get(0).port();
      assertThat(echoPort).isPositive();
      assertThat(answer.media().get(0).formats()).containsExactly("0", "101");

      media.setSoTimeout(5000);
      for (int sequence = 0; sequence < 20; sequence++) {
        byte[] packet = rtpPacket(sequence);
        media.send(
            new DatagramPacket(
                packet, packet.length, new InetSocketAddress("127.0.0.1", echoPort)));
        DatagramPacket back = new DatagramPacket(new byte[2048], 2048);
        media.receive(back);
        assertThat(Arrays.copyOf(back.getData(), back.getLength())).isEqualTo(packet);
      }

      String toWithTag = ok.header("To");
      String inDialog =
          " sip:echo@127.0.0.1:"
              + server.port
              + " SIP/2.0\nVia: VIA"
              + "\nMax-Forwards: 70\n"
              + "From: <sip:alice@office.example>;tag=a1\nTo: "
              + toWithTag
              + "\nCall-ID: echo-call\n";
      // Each request is a new transaction with its own branch (RFC 3261 §8.1.1.7).
      alice.send("ACK" + inDialog.replace("VIA", alice.via()) + "CSeq: 2 ACK");
      alice.send("BYE" + inDialog.replace("VIA", alice.via()) + "CSeq: 3 BYE");
      assertThat(alice.receive(m -> m.isResponse() && m.method().equals("BYE")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void quietCallIsHungUpWithABye() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      SipMessage ok = call(alice, media.getLocalPort());
      assertThat(ok.status()).isEqualTo(200);

      SipMessage bye = alice.receive(m -> !m.isResponse());

      assertThat(bye.method()).isEqualTo("BYE");
      assertThat(SipMessage.tag(bye.header("From"))).isEqualTo(SipMessage.tag(ok.header("To")));
      assertThat(bye.requestUri()).contains("127.0.0.1:" + alice.localPort());
      alice.reply(bye, 200, "OK", "", "");
    }
  }

  @Test
  void callerFromAnotherDomainIsRefused() throws Exception {
    try (RawSipClient stranger = RawSipClient.udp(server.port)) {
      stranger.send(invite(stranger, "sip:someone@visitor.example", 1, ""), offer(40000));

      assertThat(stranger.receive(m -> m.isResponse() && m.status() >= 200).status())
          .isEqualTo(403);
    }
  }

  private static byte[] rtpPacket(int sequence) {
    byte[] packet = new byte[172];
    packet[0] = (byte) 0x80;
    packet[1] = 0; // PCMU
    packet[2] = (byte) (sequence >> 8);
    packet[3] = (byte) sequence;
    packet[11] = 0x42;
    for (int i = 12; i < packet.length; i++) {
      packet[i] = (byte) (sequence * 7 + i);
    }
    return packet;
  }
}
