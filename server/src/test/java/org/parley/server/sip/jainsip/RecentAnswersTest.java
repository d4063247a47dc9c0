package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String OK =
      "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\n"
          + "From: <sip:a@office.example>;tag=1\r\nTo: <sip:a@office.example>;tag=2\r\n"
          + "Call-ID: c1\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n";

  private final MessageFactory messages = SipFactories.messages();

  private Optional<Response> parse(String text) {
    try {
      return Optional.of(messages.createResponse(text));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  @Test
  void retransmissionWithinTheKeepingTimeGetsTheSameResponse() throws Exception {
    RecentAnswers answers = new RecentAnswers(10, Duration.ofSeconds(32), this::parse);
    answers.remember("t1", messages.createResponse(OK), NOW);

    Optional<Response> again = answers.find("t1", NOW.plusSeconds(31));
    assertThat(again).isPresent();
    assertThat(again.get().getStatusCode()).isEqualTo(200);
    assertThat(again.get().toString()).isEqualTo(messages.createResponse(OK).toString());
    assertThat(answers.find("t1", NOW.plusSeconds(33))).isEmpty();
  }

  @Test
  void oldAnswersAreDroppedAsNewOnesArriveSoNothingIsKeptPastItsTime() throws Exception {
    RecentAnswers answers = new RecentAnswers(1000, Duration.ofSeconds(32), this::parse);
    for (int i = 0; i < 100; i++) {
      answers.remember("old-" + i, messages.createResponse(OK), NOW);
    }
    answers.remember("new", messages.createResponse(OK), NOW.plusSeconds(40));
    assertThat(answers.size()).isEqualTo(1);
  }

  @Test
  void theNumberOfAnswersIsBounded() throws Exception {
    RecentAnswers answers = new RecentAnswers(5, Duration.ofSeconds(32), this::parse);
    for (int i = 0; i < 20; i++) {
      answers.remember("t" + i, messages.createResponse(OK), NOW);
    }
    assertThat(answers.size()).isEqualTo(5);
    assertThat(answers.find("t19", NOW)).isPresent();
    assertThat(answers.find("t0", NOW)).isEmpty();
  }
}
