package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class SingleValueHeadersTest {

  private static final String HEAD =
      "OPTIONS sip:bob@example.com SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\n"
          + "Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK2\r\n"
          + "From: <sip:alice@example.com>;tag=1\r\n"
          + "To: <sip:bob@example.com>\r\n"
          + "Call-ID: a@b\r\n"
          + "CSeq: 1 OPTIONS\r\n"
          + "Max-Forwards: 70\r\n";

  @Test
  void repeatedListHeadersAndAHeaderLikeLineInTheBodyAreFine() {
    String message = HEAD + "Content-Length: 12\r\n\r\nCall-ID: x\r\n";

    assertThatCode(() -> SingleValueHeaders.check(bytes(message))).doesNotThrowAnyException();
  }

  @Test
  void aSecondCallIdByItsCompactNameIsRefused() {
    String message = HEAD + "i : other@b\r\n\r\n";

    assertThatThrownBy(() -> SingleValueHeaders.check(bytes(message)))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Call-ID");
  }

  @Test
  void twoContentLengthsAreRefusedWhateverTheirCase() {
    String message = HEAD + "content-LENGTH: 5\r\nl: 4\r\n\r\nhello";

    assertThatThrownBy(() -> SingleValueHeaders.check(bytes(message)))
        .hasMessageContaining("Content-Length");
  }

  @Test
  void aFoldedContinuationIsNotAHeader() {
    String message = HEAD + "Subject: lunch\r\n To: is part of the subject\r\n\r\n";

    assertThatCode(() -> SingleValueHeaders.check(bytes(message))).doesNotThrowAnyException();
  }

  @Test
  void bareLineFeedsAndATruncatedHeadAreHandled() {
    String lf = HEAD.replace("\r\n", "\n") + "CSeq: 2 OPTIONS\n";

    assertThatThrownBy(() -> SingleValueHeaders.check(bytes(lf))).hasMessageContaining("CSeq");
    assertThatCode(() -> SingleValueHeaders.check(bytes("OPTIONS sip:x SIP/2.0")))
        .doesNotThrowAnyException();
    assertThatCode(() -> SingleValueHeaders.check(new byte[0])).doesNotThrowAnyException();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
