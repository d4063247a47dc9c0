package org.parley.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageSummaryTest {

  private static MessageSummary parse(String body) {
    return MessageSummary.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheExampleOfRfc3842() {
    MessageSummary summary =
        parse(
            "Messages-Waiting: yes\r\n"
                + "Message-Account: sip:alice@vmail.example.com\r\n"
                + "Voice-Message: 2/8 (0/2)\r\n"
                + "Fax-Message: 1/0\r\n");
    assertThat(summary).isEqualTo(new MessageSummary(true, 2, 8));
  }

  @Test
  void readsWhatTheBundledServerSends() {
    String body =
        new org.parley.server.voicemail.MessageSummary(0, 3).body("sip:bob@office.example");
    assertThat(parse(body)).isEqualTo(new MessageSummary(false, 0, 3));
  }

  @Test
  void ignoresCaseBareLineFeedsAndSpaces() {
    assertThat(parse("messages-waiting:YES\nvoice-message:  4 / 1\n"))
        .isEqualTo(new MessageSummary(true, 4, 1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Messages-Waiting: no",
        "Voice-Message: lots",
        "Voice-Message: -1/2",
        "Voice-Message: 99999999999999/1",
        ": 3/4",
        "\u0000\u00ff garbage without colon"
      })
  void aBodyWithoutReadableCountsGivesZeros(String body) {
    MessageSummary summary = parse(body);
    assertThat(summary.newMessages()).isZero();
    assertThat(summary.oldMessages()).isZero();
  }

  @Test
  void aHugeBodyIsReadOnlyAtItsStart() {
    String body = "Voice-Message: 1/1\n" + "X: y\n".repeat(100_000) + "Voice-Message: 9/9\n";
    assertThat(parse(body)).isEqualTo(new MessageSummary(false, 1, 1));
  }
}
