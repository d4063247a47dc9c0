package org.parley.server.sip.jainsip;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sip.message.Response;

/**
 * Final responses sent statelessly, kept for a while by transaction key so that a retransmitted
 * request gets the same answer instead of being processed twice. Bounded in size and age.
 */
final class RecentAnswers {

  private record Answer(Response response, Instant sentAt) {}

  private final Duration keptFor;
  private final Map<String, Answer> answers;

  RecentAnswers(int maxEntries, Duration keptFor) {
    this.keptFor = keptFor;
    this.answers =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > maxEntries;
          }
        };
  }

  synchronized void remember(String transaction, Response response, Instant now) {
    answers.put(transaction, new Answer(response, now));
  }

  /** The response sent for this transaction within the keeping time, if any. */
  synchronized Optional<Response> find(String transaction, Instant now) {
    Answer answer = answers.get(transaction);
    if (answer == null) {
      return Optional.empty();
    }
    if (answer.sentAt().plus(keptFor).isBefore(now)) {
      answers.remove(transaction);
      return Optional.empty();
    }
    return Optional.of(answer.response());
  }
}
