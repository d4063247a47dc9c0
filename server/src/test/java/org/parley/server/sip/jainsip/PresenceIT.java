package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.sip.jainsip.PresenceRequests.BOB;
import static org.parley.server.sip.jainsip.PresenceRequests.OPEN;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.presence.Pidf;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.testing.MemoryLocationStore;

/** The presence agent: PUBLISH (RFC 3903), SUBSCRIBE/NOTIFY (RFC 3856, RFC 6665), PIDF. */
class PresenceIT {

  private TestSipServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestSipServer(new MemoryLocationStore());
    server.addUser("alice", "wonderland");
    server.addUser("bob", "builder");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void watcherIsNotifiedOfTheInitialStateEveryPublicationAndTheEnd() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient bob = RawSipClient.udp(server.port)) {
      String callId = UUID.randomUUID().toString();
      SipMessage ok =
          PresenceRequests.authenticated(
              alice, "alice", "wonderland", PresenceRequests.subscribe(alice, callId, "", 600), "");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Expires")).isEqualTo("600");
      String toWithTag = ok.header("To");
      assertThat(SipMessage.tag(toWithTag)).isNotNull();

      SipMessage first = alice.receive(m -> !m.isResponse());
      assertThat(first.method()).isEqualTo("NOTIFY");
      assertThat(first.header("Event")).isEqualTo("presence");
      assertThat(first.header("Subscription-State")).startsWith("active");
      assertThat(first.header("Content-Type")).isEqualTo("application/pidf+xml");
      assertThat(first.body()).contains("<basic>closed</basic>");
      assertThat(first.header("Call-ID")).isEqualTo(callId);
      alice.reply(first, 200, "OK", "", "");

      SipMessage published =
          PresenceRequests.authenticated(
              bob, "bob", "builder", PresenceRequests.publish(bob, null), OPEN);
      assertThat(published.status()).isEqualTo(200);
      assertThat(published.header("SIP-ETag")).isNotBlank();

      // A retransmission of the first NOTIFY may still arrive: wait for the next CSeq.
      SipMessage change =
          alice.receive(m -> !m.isResponse() && !m.header("CSeq").equals(first.header("CSeq")));
      assertThat(change.method()).isEqualTo("NOTIFY");
      assertThat(change.body()).contains("<basic>open</basic>").contains("In the office");
      alice.reply(change, 200, "OK", "", "");

      // Unsubscribe inside the dialog: 200, then a final NOTIFY.
      String contact = ok.header("Contact").replaceAll("^<|>.*$", "");
      alice.send(PresenceRequests.inDialogSubscribe(alice, contact, callId, toWithTag, 0));
      assertThat(alice.receive(m -> m.isResponse()).status()).isEqualTo(200);
      SipMessage last =
          alice.receive(
              m -> !m.isResponse() && m.header("Subscription-State").startsWith("terminated"));
      assertThat(last.header("Subscription-State")).startsWith("terminated");
      alice.reply(last, 200, "OK", "", "");

      // The dialog is gone: a later refresh is 481 (RFC 6665 §4.1.2.3).
      alice.send(PresenceRequests.inDialogSubscribe(alice, contact, callId, toWithTag, 600));
      assertThat(alice.receive(m -> m.isResponse()).status()).isEqualTo(481);
    }
  }

  @Test
  void refreshInsideTheDialogExtendsTheSubscriptionAndNotifiesAgain() throws Exception {
    try (RawSipClient alice = RawSipClient.tcp(server.port)) {
      String callId = UUID.randomUUID().toString();
      SipMessage ok =
          PresenceRequests.authenticated(
              alice, "alice", "wonderland", PresenceRequests.subscribe(alice, callId, "", 600), "");
      alice.reply(alice.receive(m -> !m.isResponse()), 200, "OK", "", "");
      String contact = ok.header("Contact").replaceAll("^<|>.*$", "");
      assertThat(contact).contains("transport=tcp");

      alice.send(PresenceRequests.inDialogSubscribe(alice, contact, callId, ok.header("To"), 1200));
      SipMessage refreshed = alice.receive(m -> m.isResponse());
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(refreshed.header("Expires")).isEqualTo("1200");
      SipMessage notify =
          alice.receive(m -> !m.isResponse() && m.header("CSeq").equals("2 NOTIFY"));
      assertThat(notify.header("Subscription-State")).isEqualTo("active;expires=1200");
      assertThat(notify.header("CSeq")).isEqualTo("2 NOTIFY");
    }
  }

  @Test
  void watchersFromOtherDomainsAreRefused() throws Exception {
    try (RawSipClient stranger = RawSipClient.udp(server.port)) {
      String head =
          PresenceRequests.subscribe(stranger, UUID.randomUUID().toString(), "", 600)
              .replace("sip:alice@office.example", "sip:mallory@elsewhere.example");
      stranger.send(head.replace("VIA", stranger.via()).replace("CSEQ", "1"));
      assertThat(stranger.receive(m -> m.isResponse()).status()).isEqualTo(403);
    }
  }

  @Test
  void onlyPidfFromThePresentityItselfIsPublished() throws Exception {
    try (RawSipClient bob = RawSipClient.udp(server.port);
        RawSipClient alice = RawSipClient.udp(server.port)) {
      String doctype =
          "<?xml version=\"1.0\"?><!DOCTYPE presence [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\""
              + BOB
              + "\">"
              + "<note>&x;</note></presence>";
      assertThat(
              PresenceRequests.authenticated(
                      bob, "bob", "builder", PresenceRequests.publish(bob, null), doctype)
                  .status())
          .isEqualTo(400);
      assertThat(
              PresenceRequests.authenticated(
                      bob, "bob", "builder", PresenceRequests.publish(bob, null), "<presence")
                  .status())
          .isEqualTo(400);
      String aliceAsBob =
          PresenceRequests.publish(alice, null).replace("From: <sip:bob@", "From: <sip:alice@");
      assertThat(
              PresenceRequests.authenticated(alice, "alice", "wonderland", aliceAsBob, OPEN)
                  .status())
          .isEqualTo(403);
      assertThat(
              PresenceRequests.authenticated(
                      bob, "bob", "builder", PresenceRequests.publish(bob, "no-such-etag"), "")
                  .status())
          .isEqualTo(412);
    }
  }

  @Test
  void aDocumentOverTheLimitIsRefusedWith413() throws Exception {
    try (RawSipClient bob = RawSipClient.udp(server.port)) {
      String big = OPEN.replace("In the office", "x".repeat(Pidf.MAX_BYTES));
      assertThat(
              PresenceRequests.authenticated(
                      bob, "bob", "builder", PresenceRequests.publish(bob, null), big)
                  .status())
          .isEqualTo(413);
      assertThat(
              PresenceRequests.authenticated(
                      bob, "bob", "builder", PresenceRequests.publish(bob, null), OPEN)
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void busyLampFieldFollowsACallThroughTheProxy() throws Exception {
    server.addUser("carol", "singer");
    try (RawSipClient carol = RawSipClient.udp(server.port);
        RawSipClient bob = RawSipClient.udp(server.port);
        RawSipClient alice = RawSipClient.udp(server.port)) {
      TestFlows.register(bob, "bob", "builder");
      String subscription = UUID.randomUUID().toString();
      SipMessage ok =
          PresenceRequests.authenticated(
              carol,
              "carol",
              "singer",
              PresenceRequests.subscribe(carol, subscription, "", 600)
                  .replace("sip:alice@", "sip:carol@")
                  .replace("Event: presence", "Event: dialog")
                  .replace("Accept: application/pidf+xml", "Accept: application/dialog-info+xml"),
              "");
      assertThat(ok.status()).isEqualTo(200);
      SipMessage idle = carol.receive(m -> !m.isResponse());
      assertThat(idle.header("Event")).isEqualTo("dialog");
      assertThat(idle.header("Content-Type")).isEqualTo("application/dialog-info+xml");
      assertThat(idle.body())
          .contains("entity=\"sip:bob@office.example\"")
          .doesNotContain("<dialog ");
      carol.reply(idle, 200, "OK", "", "");

      String callId = "blf-" + UUID.randomUUID();
      String invite =
          "INVITE "
              + BOB
              + " SIP/2.0\nVia: VIA\nMax-Forwards: 70\nFrom: <sip:alice@office.example>;tag=a9\n"
              + "To: <"
              + BOB
              + ">\nCall-ID: "
              + callId
              + "\nCSeq: CSEQ INVITE\nContact: "
              + alice.contact("alice");
      alice.send(invite.replace("VIA", alice.via()).replace("CSEQ", "1"), "");
      SipMessage challenge = alice.receive(m -> m.isResponse() && m.status() >= 200);
      String auth =
          DigestClient.authorization(
              challenge.headers("Proxy-Authenticate").get(1), "alice", "wonderland", "INVITE", BOB);
      alice.send(
          invite.replace("VIA", alice.via()).replace("CSEQ", "2")
              + "\nProxy-Authorization: "
              + auth,
          "");

      SipMessage atBob = bob.receive(m -> !m.isResponse() && m.method().equals("INVITE"));
      assertThat(nextDialogState(carol, idle))
          .contains("<state>trying</state>")
          .contains("direction=\"recipient\"");
      bob.reply(atBob, 180, "Ringing", "", "");
      assertThat(nextDialogState(carol, idle)).contains("<state>early</state>");
      bob.reply(atBob, 200, "OK", "Contact: " + bob.contact("bob"), "");
      assertThat(nextDialogState(carol, idle)).contains("<state>confirmed</state>");

      SipMessage answered = alice.receive(m -> m.isResponse() && m.status() == 200);
      String bye =
          "BYE "
              + bob.contact("bob").replaceAll("[<>]", "")
              + " SIP/2.0\nVia: "
              + alice.via()
              + "\nMax-Forwards: 70\nRoute: "
              + answered.header("Record-Route")
              + "\nFrom: <sip:alice@office.example>;tag=a9\nTo: "
              + answered.header("To")
              + "\nCall-ID: "
              + callId
              + "\nCSeq: 3 BYE";
      alice.send(bye);
      assertThat(nextDialogState(carol, idle)).contains("<state>terminated</state>");
    }
  }

  /** The body of the next dialog NOTIFY after those seen so far, answered with 200. */
  private final Set<String> seenNotifies = new HashSet<>();

  private String nextDialogState(RawSipClient watcher, SipMessage first) throws Exception {
    seenNotifies.add(first.header("CSeq"));
    SipMessage notify =
        watcher.receive(
            m ->
                !m.isResponse()
                    && m.method().equals("NOTIFY")
                    && !seenNotifies.contains(m.header("CSeq")));
    seenNotifies.add(notify.header("CSeq"));
    watcher.reply(notify, 200, "OK", "", "");
    return notify.body();
  }
}
