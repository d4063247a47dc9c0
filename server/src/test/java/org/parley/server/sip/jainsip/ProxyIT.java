package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.testing.MemoryLocationStore;

/** Calls through the proxy between raw SIP endpoints on loopback. */
class ProxyIT {

  private static final String SDP =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

  private TestSipServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestSipServer(new MemoryLocationStore());
    server.addUser("alice", "wonderland");
    server.addUser("bob", "builder");
    server.addUser("carol", "singer");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String invite(RawSipClient caller, String target, String callId, int cseq, String extra) {
    return TestFlows.aliceInvite(caller, target, callId, cseq, extra);
  }

  private String authenticatedInvite(RawSipClient alice, String target, String callId)
      throws Exception {
    return TestFlows.aliceCalls(alice, target, callId, SDP);
  }

  @Test
  void inviteForksToBothContactsAndTheAnswerCancelsTheOther() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient desk = RawSipClient.udp(server.port);
        RawSipClient laptop = RawSipClient.tcp(server.port)) {
      TestFlows.register(desk, "bob", "builder");
      TestFlows.register(laptop, "bob", "builder");

      authenticatedInvite(alice, "sip:bob@office.example", "call-1");
      SipMessage atDesk = desk.receive(m -> !m.isResponse());
      SipMessage atLaptop = laptop.receive(m -> !m.isResponse());

      assertThat(atDesk.method()).isEqualTo("INVITE");
      assertThat(atDesk.requestUri()).isEqualTo("sip:bob@127.0.0.1:" + desk.localPort());
      assertThat(atDesk.header("Record-Route")).contains("lr");
      assertThat(atDesk.listValues("Via")).hasSize(2);
      assertThat(atDesk.header("Max-Forwards")).isEqualTo("69");
      assertThat(atDesk.body()).contains("m=audio 40000");
      assertThat(atLaptop.method()).isEqualTo("INVITE");

      desk.reply(atDesk, 180, "Ringing", "", "");
      assertThat(alice.receive(m -> m.status() != 100).status()).isEqualTo(180);
      String deskContact =
          "Contact: <sip:bob@127.0.0.1:" + desk.localPort() + ">\nContent-Type: application/sdp";
      desk.reply(atDesk, 200, "OK", deskContact, SDP);
      SipMessage ok = alice.receive(m -> m.status() >= 200);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Record-Route")).isEqualTo(atDesk.header("Record-Route"));
      assertThat(ok.listValues("Via")).hasSize(1);

      SipMessage cancel = laptop.receive(m -> !m.isResponse());
      assertThat(cancel.method()).isEqualTo("CANCEL");
      laptop.reply(cancel, 200, "OK", "", "");
      laptop.reply(atLaptop, 487, "Request Terminated", "", "");
      assertThat(laptop.receive(m -> !m.isResponse()).method()).isEqualTo("ACK");

      String route = "Route: " + ok.header("Record-Route");
      String toWithTag = ok.header("To");
      String inDialog =
          " sip:bob@127.0.0.1:"
              + desk.localPort()
              + " SIP/2.0\nVia: VIA"
              + "\nMax-Forwards: 70\n"
              + route
              + "\nFrom: <sip:alice@office.example>;tag=alice-tag\nTo: "
              + toWithTag
              + "\nCall-ID: call-1\n";
      // Each request is a new transaction with its own branch (RFC 3261 §8.1.1.7).
      alice.send("ACK" + inDialog.replace("VIA", alice.via()) + "CSeq: 2 ACK");
      assertThat(desk.receive(m -> !m.isResponse()).method()).isEqualTo("ACK");

      String byeRequest = "BYE" + inDialog.replace("VIA", alice.via()) + "CSeq: 3 BYE";
      alice.send(byeRequest);
      SipMessage bye = desk.receive(m -> !m.isResponse());
      assertThat(bye.method()).isEqualTo("BYE");
      assertThat(bye.header("Route")).isNull();
      // Alice sent the BYE once; the proxy's own client transaction retransmits it (Timer E).
      SipMessage byeAgain = desk.receive(m -> !m.isResponse());
      assertThat(byeAgain.method()).isEqualTo("BYE");
      assertThat(byeAgain.header("Via")).isEqualTo(bye.header("Via"));
      alice.send(byeRequest); // Alice's own retransmission is absorbed, not answered with an error.
      desk.reply(bye, 200, "OK", "", "");
      SipMessage byeOk = alice.receive(m -> m.isResponse() && m.method().equals("BYE"));
      assertThat(byeOk.status()).isEqualTo(200);
    }
  }

  @Test
  void bridgedTransportsAreRecordRoutedTwiceAndEachSideUsesItsOwn() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient carol = RawSipClient.tcp(server.port)) {
      TestFlows.register(carol, "carol", "singer");

      authenticatedInvite(alice, "sip:carol@office.example", "bridge-1");
      SipMessage invite = carol.receive(m -> !m.isResponse());
      // RFC 5658: the top entry is the interface carol talks to (TCP), the next alice's (UDP).
      List<String> recordRoutes = invite.listValues("Record-Route");
      assertThat(recordRoutes).hasSize(2);
      assertThat(recordRoutes.get(0)).contains("transport=tcp").contains("lr");
      assertThat(recordRoutes.get(1)).doesNotContain("transport=").contains("lr");

      String carolContact = "Contact: " + carol.contact("carol");
      carol.reply(invite, 200, "OK", carolContact + "\nContent-Type: application/sdp", SDP);
      SipMessage ok = alice.receive(m -> m.status() >= 200);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.listValues("Record-Route")).isEqualTo(recordRoutes);

      // Alice's route set is the Record-Route list reversed; carol's is the list as it came.
      String aliceRoute =
          "Route: " + recordRoutes.get(1) + "\nRoute: " + recordRoutes.get(0) + "\n";
      String ack =
          "ACK sip:carol@127.0.0.1:"
              + carol.localPort()
              + ";transport=tcp SIP/2.0\nVia: "
              + alice.via()
              + "\nMax-Forwards: 70\n"
              + aliceRoute
              + "From: <sip:alice@office.example>;tag=alice-tag\nTo: "
              + ok.header("To")
              + "\nCall-ID: bridge-1\nCSeq: 2 ACK";
      alice.send(ack);
      SipMessage ackAtCarol = carol.receive(m -> !m.isResponse());
      assertThat(ackAtCarol.method()).isEqualTo("ACK");
      assertThat(ackAtCarol.header("Route")).isNull();

      String carolRoute =
          "Route: " + recordRoutes.get(0) + "\nRoute: " + recordRoutes.get(1) + "\n";
      String bye =
          "BYE sip:alice@127.0.0.1:"
              + alice.localPort()
              + " SIP/2.0\nVia: "
              + carol.via()
              + "\nMax-Forwards: 70\n"
              + carolRoute
              + "From: "
              + ok.header("To")
              + "\nTo: <sip:alice@office.example>;tag=alice-tag\nCall-ID: bridge-1\nCSeq: 1 BYE";
      carol.send(bye);
      SipMessage byeAtAlice = alice.receive(m -> !m.isResponse());
      assertThat(byeAtAlice.method()).isEqualTo("BYE");
      assertThat(byeAtAlice.header("Route")).isNull();
      alice.reply(byeAtAlice, 200, "OK", "", "");
      assertThat(carol.receive(m -> m.isResponse() && m.method().equals("BYE")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void callerCancelGets487AndTheCalleeGetsTheCancel() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient desk = RawSipClient.udp(server.port)) {
      TestFlows.register(desk, "bob", "builder");
      String head = authenticatedInvite(alice, "sip:bob@office.example", "call-2");
      SipMessage atDesk = desk.receive(m -> !m.isResponse());
      desk.reply(atDesk, 180, "Ringing", "", "");
      assertThat(alice.receive(m -> m.status() != 100).status()).isEqualTo(180);

      String via = head.lines().filter(line -> line.startsWith("Via:")).findFirst().orElseThrow();
      alice.send(
          "CANCEL sip:bob@office.example SIP/2.0\n"
              + via
              + "\nMax-Forwards: 70\n"
              + "From: <sip:alice@office.example>;tag=alice-tag\nTo: <sip:bob@office.example>\n"
              + "Call-ID: call-2\nCSeq: 2 CANCEL");

      assertThat(alice.receive(m -> m.isResponse() && m.method().equals("CANCEL")).status())
          .isEqualTo(200);
      SipMessage cancel = desk.receive(m -> !m.isResponse());
      assertThat(cancel.method()).isEqualTo("CANCEL");
      desk.reply(cancel, 200, "OK", "", "");
      desk.reply(atDesk, 487, "Request Terminated", "", "");
      assertThat(
              alice
                  .receive(m -> m.isResponse() && m.method().equals("INVITE") && m.status() >= 200)
                  .status())
          .isEqualTo(487);
    }
  }

  @Test
  void unknownUserIs404AndOfflineUserIs480() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port)) {
      authenticatedInvite(alice, "sip:nobody@office.example", "call-3");
      assertThat(alice.receive(m -> m.status() >= 200).status()).isEqualTo(404);

      authenticatedInvite(alice, "sip:carol@office.example", "call-4");
      assertThat(alice.receive(m -> m.status() >= 200).status()).isEqualTo(480);
    }
  }

  @Test
  void relayingToAnotherDomainIsForbidden() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port)) {
      authenticatedInvite(alice, "sip:someone@elsewhere.example", "call-5");

      assertThat(alice.receive(m -> m.status() >= 200).status()).isEqualTo(403);
    }
  }

  @Test
  void exhaustedMaxForwardsIs483() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient desk = RawSipClient.udp(server.port)) {
      TestFlows.register(desk, "bob", "builder");
      alice.send(
          invite(alice, "sip:bob@office.example", "call-6", 1, "")
              .replace("Max-Forwards: 70", "Max-Forwards: 0")
              .replace("From: <sip:alice@office.example>", "From: <sip:guest@visitor.example>"),
          SDP);

      assertThat(alice.receive(m -> m.status() >= 200).status()).isEqualTo(483);
    }
  }

  @Test
  void unsupportedProxyRequireIs420ListingEveryTag() throws Exception {
    try (RawSipClient guest = RawSipClient.udp(server.port)) {
      guest.send(
          "OPTIONS sip:bob@office.example SIP/2.0\nVia: "
              + guest.via()
              + "\nMax-Forwards: 70\n"
              + "From: <sip:guest@visitor.example>;tag=g1\nTo: <sip:bob@office.example>\n"
              + "Call-ID: call-7\nCSeq: 1 OPTIONS\n"
              + "Proxy-Require: noProxiesSupportThis, norDoAnyProxiesSupportThis");

      SipMessage answer = guest.receive(m -> m.status() >= 200);
      assertThat(answer.status()).isEqualTo(420);
      assertThat(answer.listValues("Unsupported"))
          .containsExactly("noProxiesSupportThis", "norDoAnyProxiesSupportThis");
    }
  }

  @Test
  void responseThatMatchesNoTransactionIsRelayedByItsNextVia() throws Exception {
    try (RawSipClient sender = RawSipClient.udp(server.port)) {
      // A callee's late 2xx retransmission: our Via on top, for a branch we no longer track.
      sender.send(
          "SIP/2.0 200 OK\nVia: SIP/2.0/UDP 127.0.0.1:"
              + server.port
              + ";branch=z9hG4bKdeadbeef.gone\nVia: "
              + sender.via()
              + "\nFrom: <sip:alice@office.example>;tag=a1\nTo: <sip:bob@office.example>;tag=b1\n"
              + "Call-ID: call-9\nCSeq: 36 INVITE");

      SipMessage relayed = sender.receive(m -> m.isResponse());
      assertThat(relayed.status()).isEqualTo(200);
      assertThat(relayed.header("Call-ID")).isEqualTo("call-9");
      assertThat(relayed.listValues("Via")).hasSize(1);
      assertThat(relayed.header("Via")).doesNotContain("z9hG4bKdeadbeef");
    }
  }

  @Test
  void responseWhoseTopViaIsNotOursIsDiscardedNotRelayed() throws Exception {
    try (RawSipClient sender = RawSipClient.udp(server.port)) {
      // Relaying by Via would send it to the second Via: the sender itself.
      sender.send(
          "SIP/2.0 200 OK\nVia: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923\nVia: "
              + sender.via()
              + "\nFrom: <sip:alice@office.example>;tag=a1\nTo: <sip:bob@office.example>;tag=b1\n"
              + "Call-ID: call-8\nCSeq: 35 INVITE");

      assertThatThrownBy(() -> sender.receive(Duration.ofMillis(500)))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }
}
