package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;

/** SIP exchanges the integration tests share, spoken by a raw client to {@link TestSipServer}. */
final class TestFlows {

  private TestFlows() {}

  /** Registers {@code client} as {@code user} (answering the MD5 challenge) and checks the 200. */
  static void register(RawSipClient client, String user, String password) throws Exception {
    String callId = UUID.randomUUID().toString();
    client.send(registerHead(client, user, callId, 1), "");
    SipMessage challenge = client.receive(SipMessage::isResponse);
    String auth =
        DigestClient.authorization(
            challenge.headers("WWW-Authenticate").get(1),
            user,
            password,
            "REGISTER",
            "sip:" + TestSipServer.DOMAIN);
    client.send(registerHead(client, user, callId, 2) + "\nAuthorization: " + auth, "");
    assertThat(client.receive(SipMessage::isResponse).status()).isEqualTo(200);
  }

  private static String registerHead(RawSipClient client, String user, String callId, int cseq) {
    String aor = "sip:" + user + "@" + TestSipServer.DOMAIN;
    return "REGISTER sip:"
        + TestSipServer.DOMAIN
        + " SIP/2.0\nVia: "
        + client.via()
        + "\nMax-Forwards: 70\nFrom: <"
        + aor
        + ">;tag=r1\nTo: <"
        + aor
        + ">\nCall-ID: "
        + callId
        + "\nCSeq: "
        + cseq
        + " REGISTER\nContact: "
        + client.contact(user)
        + "\nExpires: 600";
  }
}
