package org.parley.server.registrar;

/** Aborts a registration without changing any binding; carries the response to send. */
final class RegistrationConflict extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient RegisterOutcome outcome;

  RegistrationConflict(RegisterOutcome outcome) {
    super(outcome.toString(), null, false, false);
    this.outcome = outcome;
  }

  RegisterOutcome outcome() {
    return outcome;
  }
}
