package org.parley.core.sip;

import java.util.List;
import java.util.Optional;

/** How one REGISTER transaction (with its digest round trip) ended. */
public sealed interface RegisterResult {

  /**
   * A 2xx.
   *
   * @param expiresSeconds the lifetime granted to our contact (0 after an un-REGISTER)
   * @param contacts every binding the registrar listed
   * @param reflexiveAddress the {@code received:rport} the registrar saw us at, when it said
   * @param realm the realm we authenticated in, if a challenge came
   */
  record Accepted(
      int expiresSeconds,
      List<String> contacts,
      Optional<String> reflexiveAddress,
      Optional<String> realm)
      implements RegisterResult {
    public Accepted {
      contacts = List.copyOf(contacts);
    }
  }

  /**
   * A final non-2xx response.
   *
   * @param afterCredentials whether our answer to a challenge was itself refused
   * @param retryAfterSeconds the server's {@code Retry-After}, if any
   * @param minExpiresSeconds the server's {@code Min-Expires} in a 423, if any
   */
  record Rejected(
      int statusCode,
      String reasonPhrase,
      boolean afterCredentials,
      Optional<Integer> retryAfterSeconds,
      Optional<Integer> minExpiresSeconds)
      implements RegisterResult {}

  /** No response: the connection, the TLS handshake or the transaction timer failed. */
  record TransportFailed(Kind kind, String detail) implements RegisterResult {}

  /** Which part of the way to the server failed. */
  enum Kind {
    UNREACHABLE,
    TIMEOUT,
    TLS_CERTIFICATE
  }
}
