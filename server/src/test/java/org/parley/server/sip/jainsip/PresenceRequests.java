package org.parley.server.sip.jainsip;

import java.util.List;
import java.util.UUID;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;

/** Presence requests as a watcher or publisher writes them, for the presence agent's tests. */
final class PresenceRequests {

  static final String BOB = "sip:bob@office.example";
  static final String OPEN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:bob@office.example\">"
          + "<tuple id=\"desk\"><status><basic>open</basic></status><note>In the office</note>"
          + "</tuple></presence>";

  /** Bob's desk client's document for "away" (RPID), as the core client writes it. */
  static final String AWAY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
          + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
          + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\""
          + BOB
          + "\"><tuple id=\"parley\"><status><basic>open</basic></status></tuple>"
          + "<dm:person id=\"p\"><rpid:activities><rpid:away/></rpid:activities></dm:person>"
          + "</presence>";

  private PresenceRequests() {}

  /** Sends a request, answers its 407 with credentials, and returns the final response. */
  static SipMessage authenticated(
      RawSipClient client, String user, String password, String head, String body)
      throws Exception {
    client.send(head.replace("VIA", client.via()).replace("CSEQ", "1"), body);
    SipMessage challenge = client.receive(m -> m.isResponse() && m.status() >= 200);
    if (challenge.status() != 407) {
      return challenge;
    }
    String method = head.substring(0, head.indexOf(' '));
    // The MD5 challenge: the last one, whether SHA-256 is offered before it or not.
    List<String> challenges = challenge.headers("Proxy-Authenticate");
    String auth =
        DigestClient.authorization(
            challenges.get(challenges.size() - 1), user, password, method, BOB);
    client.send(
        head.replace("VIA", client.via()).replace("CSEQ", "2") + "\nProxy-Authorization: " + auth,
        body);
    return client.receive(m -> m.isResponse() && m.status() >= 200);
  }

  static String subscribe(RawSipClient alice, String callId, String toTag, int expires) {
    return "SUBSCRIBE "
        + BOB
        + " SIP/2.0\nVia: VIA\nMax-Forwards: 70\nFrom: <sip:alice@office.example>;tag=w1\nTo: <"
        + BOB
        + ">"
        + toTag
        + "\nCall-ID: "
        + callId
        + "\nCSeq: CSEQ SUBSCRIBE\nEvent: presence\nAccept: application/pidf+xml\nContact: "
        + alice.contact("alice")
        + "\nExpires: "
        + expires;
  }

  static String inDialogSubscribe(
      RawSipClient alice, String contact, String callId, String toWithTag, int expires) {
    return "SUBSCRIBE "
        + contact
        + " SIP/2.0\nVia: "
        + alice.via()
        + "\nMax-Forwards: 70\nFrom: <sip:alice@office.example>;tag=w1\nTo: "
        + toWithTag
        + "\nCall-ID: "
        + callId
        + "\nCSeq: "
        + (10 + expires)
        + " SUBSCRIBE\nEvent: presence\nContact: "
        + alice.contact("alice")
        + "\nExpires: "
        + expires;
  }

  static String publish(RawSipClient bob, String ifMatch) {
    return "PUBLISH "
        + BOB
        + " SIP/2.0\nVia: VIA\nMax-Forwards: 70\nFrom: <sip:bob@office.example>;tag=p1\nTo: <"
        + BOB
        + ">\nCall-ID: "
        + UUID.randomUUID()
        + "\nCSeq: CSEQ PUBLISH\nEvent: presence\nExpires: 600\nContent-Type: application/pidf+xml"
        + (ifMatch == null ? "" : "\nSIP-If-Match: " + ifMatch);
  }
}
