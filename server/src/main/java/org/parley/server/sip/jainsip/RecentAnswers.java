package org.parley.server.sip.jainsip;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sip.message.Response;

/**
 * Final responses sent statelessly, kept for a while by transaction key so that a retransmitted
 * request gets the same answer instead of being processed twice. Bounded in size and age: entries
 * older than the keeping time are dropped as new ones arrive, and each is kept as its encoded text
 * (a few hundred bytes, where a parsed response holds kilobytes of header objects), parsed again
 * only when a retransmission asks for it.
 */
final class RecentAnswers {

  private record Answer(String encoded, Instant sentAt) {}

  private final Duration keptFor;
  private final Function<String, Optional<Response>> parser;
  private final Map<String, Answer> answers;

  RecentAnswers(int maxEntries, Duration keptFor, Function<String, Optional<Response>> parser) {
    this.keptFor = keptFor;
    this.parser = parser;
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
    // Insertion order is sending order, so the stale entries are at the head.
    Iterator<Answer> oldest = answers.values().iterator();
    while (oldest.hasNext() && isStale(oldest.next(), now)) {
      oldest.remove();
    }
    answers.put(transaction, new Answer(response.toString(), now));
  }

  /** The response sent for this transaction within the keeping time, if any. */
  Optional<Response> find(String transaction, Instant now) {
    Answer answer;
    synchronized (this) {
      answer = answers.get(transaction);
      if (answer == null) {
        return Optional.empty();
      }
      if (isStale(answer, now)) {
        answers.remove(transaction);
        return Optional.empty();
      }
    }
    return parser.apply(answer.encoded());
  }

  synchronized int size() {
    return answers.size();
  }

  private boolean isStale(Answer answer, Instant now) {
    return answer.sentAt().plus(keptFor).isBefore(now);
  }
}
