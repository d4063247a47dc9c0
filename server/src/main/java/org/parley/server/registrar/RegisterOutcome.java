package org.parley.server.registrar;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.parley.server.store.Binding;

/** The registrar's answer to a REGISTER. */
public sealed interface RegisterOutcome {

  /**
   * 200 OK with every current binding of the AOR, to be sent once {@code persisted} completes (it
   * completes exceptionally if the bindings could not be stored: answer 500 then).
   */
  record Accepted(List<Binding> bindings, CompletionStage<Void> persisted)
      implements RegisterOutcome {}

  /** 423 Interval Too Brief, with the Min-Expires the client should use. */
  record IntervalTooBrief(int minExpiresSeconds) implements RegisterOutcome {}

  /** Any other refusal: 400, 403 or 500 with a reason phrase. */
  record Rejected(int statusCode, String reasonPhrase) implements RegisterOutcome {}
}
