package org.parley.server.sip.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadRequestResponseTest {

  @Test
  void copiesTheHeadersAResponseNeedsInCompactOrLongFormAndAddsAToTag() {
    String request =
        "INVITE sip:user@example.com; lr SIP/2.0\r\n"
            + "v: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK1\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK0\r\n"
            + "f: <sip:a@example.com>;tag=1\r\n"
            + "To: <sip:user@example.com>\r\n"
            + "i: abc\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Subject:\r\n   folded\r\n\r\n";

    assertThat(BadRequestResponse.of(request, "Unparseable message"))
        .contains(
            "SIP/2.0 400 Bad Request (Unparseable message)\r\n"
                + "v: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK1\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK0\r\n"
                + "f: <sip:a@example.com>;tag=1\r\n"
                + "To: <sip:user@example.com>;tag=badrequest\r\n"
                + "i: abc\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n");
  }

  @Test
  void requestWithoutCallIdCannotBeAnswered() {
    String request =
        "OPTIONS sip:x SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK2\r\n"
            + "From: <sip:a@b>;tag=1\r\nTo: <sip:x@b>\r\nCSeq: 1 OPTIONS\r\n\r\n";
    assertThat(BadRequestResponse.of(request, "Unparseable message")).isEmpty();
  }

  @Test
  void requestWithoutViaCannotBeAnswered() {
    String request = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n\r\n";
    assertThat(BadRequestResponse.of(request, "Unparseable message")).isEmpty();
  }
}
