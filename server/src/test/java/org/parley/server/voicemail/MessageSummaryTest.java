package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageSummaryTest {

  @Test
  void bodyFollowsRfc3842() {
    assertThat(new MessageSummary(2, 1).body("sip:bob@office.example"))
        .isEqualTo(
            "Messages-Waiting: yes\r\nMessage-Account: sip:bob@office.example\r\n"
                + "Voice-Message: 2/1\r\n");
  }

  @Test
  void onlyNewMessagesAreWaiting() {
    assertThat(new MessageSummary(0, 3).body("sip:bob@office.example"))
        .startsWith("Messages-Waiting: no\r\n")
        .contains("Voice-Message: 0/3\r\n");
  }
}
