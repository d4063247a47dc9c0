package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.sip.SipRegistration;

/** The SIP requests of the voicemail tests, written out as a phone would send them. */
final class VoicemailFlows {

  private static final String DOMAIN = VoicemailIT.DOMAIN;

  private VoicemailFlows() {}

  /** An INVITE from a caller of another domain (so no challenge), with a PCMU offer. */
  static String invite(RawSipClient caller, String target, String callId) {
    return "INVITE "
        + target
        + " SIP/2.0\nVia: "
        + caller.via()
        + "\nMax-Forwards: 70\nFrom: \"Dora\" <sip:dora@elsewhere.example>;tag=d1\nTo: <"
        + target
        + ">\nCall-ID: "
        + callId
        + "\nCSeq: 1 INVITE\nContact: "
        + caller.contact("dora")
        + "\nContent-Type: application/sdp";
  }

  /** An INVITE from a local user (challenged); VIA and CSEQ are filled in. */
  static String ownInvite(RawSipClient client, String user, String target) {
    return "INVITE "
        + target
        + " SIP/2.0\nVia: VIA\nMax-Forwards: 70\nFrom: <sip:"
        + user
        + "@"
        + DOMAIN
        + ">;tag=o1\nTo: <"
        + target
        + ">\nCall-ID: "
        + UUID.randomUUID()
        + "\nCSeq: CSEQ INVITE\nContact: "
        + client.contact(user)
        + "\nContent-Type: application/sdp";
  }

  static void ack(RawSipClient caller, SipMessage ok) throws Exception {
    caller.send(inDialog(caller, ok, "ACK", 1));
  }

  /** Hangs up and waits for the 200 to the BYE. */
  static void bye(RawSipClient caller, SipMessage ok) throws Exception {
    caller.send(inDialog(caller, ok, "BYE", 2));
    SipMessage answer = caller.receive(m -> m.isResponse() && m.header("CSeq").endsWith("BYE"));
    assertThat(answer.status()).isEqualTo(200);
  }

  private static String inDialog(RawSipClient caller, SipMessage ok, String method, int cseq) {
    String target = ok.header("Contact").replaceAll("^<|>.*$", "");
    return method
        + " "
        + target
        + " SIP/2.0\nVia: "
        + caller.via()
        + "\nMax-Forwards: 70\nFrom: "
        + ok.header("From")
        + "\nTo: "
        + ok.header("To")
        + "\nCall-ID: "
        + ok.header("Call-ID")
        + "\nCSeq: "
        + cseq
        + " "
        + method;
  }

  /**
   * A message-summary SUBSCRIBE from {@code user} for {@code mailbox}; VIA and CSEQ are filled in.
   */
  static String subscribe(RawSipClient client, String user, String mailbox) {
    return "SUBSCRIBE "
        + mailbox
        + " SIP/2.0\nVia: VIA\nMax-Forwards: 70\nFrom: <sip:"
        + user
        + "@"
        + DOMAIN
        + ">;tag=s1\nTo: <"
        + mailbox
        + ">\nCall-ID: "
        + UUID.randomUUID()
        + "\nCSeq: CSEQ SUBSCRIBE\nEvent: message-summary\n"
        + "Accept: application/simple-message-summary\nContact: "
        + client.contact(user)
        + "\nExpires: 600";
  }

  /** Sends {@code head}, answers the 407 with digest credentials, returns the final answer. */
  static SipMessage authenticated(RawSipClient client, String user, String password, String head)
      throws Exception {
    return authenticated(client, user, password, head, "");
  }

  static SipMessage authenticated(
      RawSipClient client, String user, String password, String head, String body)
      throws Exception {
    client.send(head.replace("VIA", client.via()).replace("CSEQ", "1"), body);
    SipMessage challenge = client.receive(m -> m.isResponse() && m.status() >= 200);
    if (challenge.status() != 407) {
      return challenge;
    }
    String method = head.substring(0, head.indexOf(' '));
    String uri = head.substring(head.indexOf(' ') + 1, head.indexOf(" SIP/2.0"));
    String auth =
        DigestClient.authorization(
            challenge.header("Proxy-Authenticate"), user, password, method, uri);
    client.send(
        head.replace("VIA", client.via()).replace("CSEQ", "2") + "\nProxy-Authorization: " + auth,
        body);
    return client.receive(m -> m.isResponse() && m.status() >= 200);
  }

  /** Registers {@code client} as {@code user}, answering the challenge. */
  static void register(RawSipClient client, String user, String password) throws Exception {
    SipRegistration.register(client, DOMAIN, user, password);
  }
}
