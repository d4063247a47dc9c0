package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

/** Registers a raw client as a phone would: REGISTER, answer the MD5 challenge, expect 200. */
public final class SipRegistration {

  private SipRegistration() {}

  public static void register(RawSipClient client, String domain, String user, String password)
      throws Exception {
    String callId = UUID.randomUUID().toString();
    client.send(head(client, domain, user, callId, 1), "");
    SipMessage challenge = client.receive(SipMessage::isResponse);
    String md5 =
        challenge.headers("WWW-Authenticate").stream()
            .filter(value -> value.toUpperCase(Locale.ROOT).contains("ALGORITHM=MD5"))
            .findFirst()
            .orElseThrow();
    String auth = DigestClient.authorization(md5, user, password, "REGISTER", "sip:" + domain);
    client.send(head(client, domain, user, callId, 2) + "\nAuthorization: " + auth, "");
    assertThat(client.receive(SipMessage::isResponse).status()).isEqualTo(200);
  }

  private static String head(
      RawSipClient client, String domain, String user, String callId, int cseq) {
    String aor = "sip:" + user + "@" + domain;
    return "REGISTER sip:"
        + domain
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
