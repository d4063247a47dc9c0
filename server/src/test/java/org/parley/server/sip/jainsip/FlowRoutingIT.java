package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.testing.MemoryLocationStore;

/**
 * In-dialog requests reach phones over the flows the dialog was set up on, not over new connections
 * to their Contact: the phones here advertise a Contact where nothing listens, as a TCP phone
 * behind NAT does.
 */
class FlowRoutingIT {

  private static final String SDP =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

  private TestSipServer server;
  private String nowhere;

  @BeforeEach
  void start() throws Exception {
    server = new TestSipServer(new MemoryLocationStore());
    server.addUser("alice", "wonderland");
    server.addUser("bob", "builder");
    server.addUser("carol", "singer");
    nowhere = "127.0.0.1:" + FreePorts.udpAndTcp();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void ackAndByeTravelOverEachTcpPhonesOwnConnection() throws Exception {
    try (RawSipClient alice = RawSipClient.tcp(server.port).advertising(nowhere);
        RawSipClient carol = RawSipClient.tcp(server.port).advertising(nowhere)) {
      TestFlows.register(carol, "carol", "singer");
      TestFlows.aliceCalls(alice, "sip:carol@office.example", "flow-1", SDP);
      SipMessage invite = carol.receive(m -> !m.isResponse());
      assertThat(invite.method()).isEqualTo("INVITE");
      String carolContact = "Contact: " + carol.contact("carol");
      carol.reply(invite, 200, "OK", carolContact + "\nContent-Type: application/sdp", SDP);
      SipMessage ok = alice.receive(m -> m.isResponse() && m.status() >= 200);
      assertThat(ok.status()).isEqualTo(200);
      List<String> recordRoutes = ok.listValues("Record-Route");

      alice.send(
          inDialog("ACK sip:carol@" + nowhere + ";transport=tcp", alice, reversed(recordRoutes))
              + "From: <sip:alice@office.example>;tag=alice-tag\nTo: "
              + ok.header("To")
              + "\nCall-ID: flow-1\nCSeq: 2 ACK");
      assertThat(carol.receive(m -> !m.isResponse()).method()).isEqualTo("ACK");

      carol.send(
          inDialog("BYE sip:alice@" + nowhere + ";transport=tcp", carol, recordRoutes)
              + "From: "
              + ok.header("To")
              + "\nTo: <sip:alice@office.example>;tag=alice-tag\nCall-ID: flow-1\nCSeq: 1 BYE");
      SipMessage bye = alice.receive(m -> !m.isResponse());
      assertThat(bye.method()).isEqualTo("BYE");
      alice.reply(bye, 200, "OK", "", "");
      assertThat(carol.receive(m -> m.isResponse() && m.method().equals("BYE")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void aRouteTokenThisProxyDidNotSignIsNotFollowed() throws Exception {
    try (RawSipClient carol = RawSipClient.tcp(server.port).advertising(nowhere);
        RawSipClient mallory = RawSipClient.udp(server.port);
        RawSipClient alice = RawSipClient.udp(server.port)) {
      TestFlows.register(carol, "carol", "singer");
      FlowTokens.Dialog forged =
          new FlowTokens.Dialog(
              new FlowTokens.Flow("udp", "127.0.0.1", mallory.localPort()),
              new FlowTokens.Flow("tcp", "127.0.0.1", carol.localPort()));
      String token = new FlowTokens(new byte[32]).encode(forged);
      String route = "<sip:" + token + "@127.0.0.1:" + server.port + ";lr>";

      mallory.send(
          inDialog("BYE sip:carol@" + nowhere + ";transport=tcp", mallory, List.of(route))
              + "From: <sip:mallory@office.example>;tag=m1\nTo: <sip:carol@office.example>;tag=c1"
              + "\nCall-ID: forged-1\nCSeq: 1 BYE");

      assertThat(mallory.receive(SipMessage::isResponse).status()).isEqualTo(503);
      TestFlows.aliceCalls(alice, "sip:carol@office.example", "after-forgery", SDP);
      assertThat(carol.receive(m -> !m.isResponse()).method()).isEqualTo("INVITE");
    }
  }

  @Test
  void theAckForTheProxysOwnChallengeEndsAtTheProxy() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient desk = RawSipClient.udp(server.port)) {
      TestFlows.register(desk, "bob", "builder");
      String head = TestFlows.aliceInvite(alice, "sip:bob@office.example", "challenge-1", 1, "");
      alice.send(head, SDP);
      SipMessage challenge = alice.receive(m -> m.isResponse() && m.status() >= 200);
      assertThat(challenge.status()).isEqualTo(407);
      assertThat(SipMessage.tag(challenge.header("To"))).isNotNull(); // RFC 3261 §8.2.6.2

      // RFC 3261 §17.1.1.3: same branch as the INVITE. Its Request-URI names bob's desk, so an
      // ACK the proxy wrongly forwarded would reach the desk before the INVITE below.
      alice.send(
          "ACK sip:bob@127.0.0.1:"
              + desk.localPort()
              + " SIP/2.0\nVia: "
              + challenge.header("Via")
              + "\nMax-Forwards: 70\nRoute: <sip:127.0.0.1:"
              + server.port
              + ";lr>\nFrom: <sip:alice@office.example>;tag=alice-tag\nTo: "
              + challenge.header("To")
              + "\nCall-ID: challenge-1\nCSeq: 1 ACK");
      TestFlows.aliceCalls(alice, "sip:bob@office.example", "challenge-2", SDP);

      assertThat(desk.receive(m -> !m.isResponse()).method()).isEqualTo("INVITE");
    }
  }

  private static String inDialog(String requestLine, RawSipClient sender, List<String> routes) {
    StringBuilder head = new StringBuilder(requestLine).append(" SIP/2.0\nVia: ");
    head.append(sender.via()).append("\nMax-Forwards: 70\n");
    for (String route : routes) {
      head.append("Route: ").append(route).append('\n');
    }
    return head.toString();
  }

  private static List<String> reversed(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.reverse(copy);
    return copy;
  }
}
