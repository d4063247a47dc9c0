package org.parley.server.http;

import java.util.Objects;

/**
 * One named part of the server's health, such as the SIP stack or the database, as {@code GET
 * /health} reports it. A check runs on an HTTP thread for every request, so it must be quick and
 * must not block; report cached state rather than probing.
 */
@FunctionalInterface
public interface HealthCheck {

  /** Checks this part of the server now. */
  Status check();

  /** The outcome of a check: healthy, or failing for a reason an administrator can read. */
  record Status(boolean healthy, String detail) {

    private static final Status OK = new Status(true, "ok");

    public Status {
      Objects.requireNonNull(detail, "detail");
    }

    /** This part works. */
    public static Status ok() {
      return OK;
    }

    /**
     * This part does not work.
     *
     * @param reason a short text for the response, such as {@code "database is read-only"}; never a
     *     stack trace or a secret
     */
    public static Status failing(String reason) {
      return new Status(false, reason);
    }
  }
}
