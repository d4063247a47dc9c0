package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.sip.SipRegistration;

/** SIP exchanges the integration tests share, spoken by a raw client to {@link TestSipServer}. */
final class TestFlows {

  private TestFlows() {}

  /** Registers {@code client} as {@code user} (answering the MD5 challenge) and checks the 200. */
  static void register(RawSipClient client, String user, String password) throws Exception {
    SipRegistration.register(client, TestSipServer.DOMAIN, user, password);
  }

  /**
   * Sends a text/plain MESSAGE from {@code user} to {@code sip:to@domain}, answering the 407, and
   * returns the final response.
   */
  static SipMessage message(
      RawSipClient client, String user, String password, String to, String body) throws Exception {
    String target = "sip:" + to + "@" + TestSipServer.DOMAIN;
    String callId = UUID.randomUUID().toString();
    client.send(messageHead(client, user, target, callId, 1, ""), body);
    SipMessage challenge = client.receive(m -> m.isResponse() && m.status() >= 200);
    if (challenge.status() != 407) {
      return challenge;
    }
    // The MD5 challenge comes last whether or not SHA-256 is offered too.
    List<String> challenges = challenge.headers("Proxy-Authenticate");
    String auth =
        DigestClient.authorization(
            challenges.get(challenges.size() - 1), user, password, "MESSAGE", target);
    client.send(
        messageHead(client, user, target, callId, 2, "\nProxy-Authorization: " + auth), body);
    SipMessage answer = client.receive(m -> m.isResponse() && m.status() >= 200);
    assertThat(answer.status()).isNotEqualTo(407);
    return answer;
  }

  private static String messageHead(
      RawSipClient client, String user, String target, String callId, int cseq, String extra) {
    return "MESSAGE "
        + target
        + " SIP/2.0\nVia: "
        + client.via()
        + "\nMax-Forwards: 70\nFrom: <sip:"
        + user
        + "@"
        + TestSipServer.DOMAIN
        + ">;tag="
        + user.charAt(0)
        + cseq
        + "\nTo: <"
        + target
        + ">\nCall-ID: "
        + callId
        + "\nCSeq: "
        + cseq
        + " MESSAGE\nContent-Type: text/plain;charset=UTF-8"
        + extra;
  }

  /** An INVITE head from alice (alice-tag) to {@code target}, with an SDP body to follow. */
  static String aliceInvite(
      RawSipClient caller, String target, String callId, int cseq, String extra) {
    return "INVITE "
        + target
        + " SIP/2.0\nVia: "
        + caller.via()
        + "\nMax-Forwards: 70\n"
        + "From: <sip:alice@office.example>;tag=alice-tag\nTo: <"
        + target
        + ">\n"
        + "Call-ID: "
        + callId
        + "\nCSeq: "
        + cseq
        + " INVITE\nContact: "
        + caller.contact("alice")
        + "\n"
        + "Content-Type: application/sdp"
        + (extra.isEmpty() ? "" : "\n" + extra);
  }

  /** Sends an INVITE from alice, answers the 407, and returns the authenticated INVITE's head. */
  static String aliceCalls(RawSipClient alice, String target, String callId, String sdp)
      throws Exception {
    alice.send(aliceInvite(alice, target, callId, 1, ""), sdp);
    SipMessage challenge = alice.receive(m -> m.status() != 100);
    assertThat(challenge.status()).isEqualTo(407);
    String auth =
        DigestClient.authorization(
            challenge.headers("Proxy-Authenticate").get(1),
            "alice",
            "wonderland",
            "INVITE",
            target);
    String head = aliceInvite(alice, target, callId, 2, "Proxy-Authorization: " + auth);
    alice.send(head, sdp);
    return head;
  }
}
