package org.parley.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One registered contact of an address-of-record (RFC 3261 §10).
 *
 * @param aor canonical AOR, e.g. {@code sip:alice@example.com}
 * @param contactUri the Contact URI, e.g. {@code sip:alice@192.0.2.4:5060;transport=tcp}
 * @param contactParams the rest of the Contact header value after the URI (e.g. {@code
 *     ;+sip.instance="<urn:uuid:...>";reg-id=1}), {@code ""} if none; excludes expires
 * @param expiresAt when the binding lapses unless refreshed
 * @param callId the Call-ID of the REGISTER that created or last refreshed the binding
 * @param cseq the CSeq number of that REGISTER
 * @param qMillis q-value * 1000 (q=0.5 is 500), -1 when absent
 * @param path Path header values in order (RFC 3327), empty if none; none contains a line break
 * @param receivedTransport {@code UDP}, {@code TCP} or {@code TLS}: where the REGISTER arrived from
 * @param receivedHost the source address the REGISTER arrived from
 * @param receivedPort the source port the REGISTER arrived from
 * @param userAgent the User-Agent header value; may be null
 * @param updatedAt when the binding was last written
 */
public record Binding(
    String aor,
    String contactUri,
    String contactParams,
    Instant expiresAt,
    String callId,
    long cseq,
    int qMillis,
    List<String> path,
    String receivedTransport,
    String receivedHost,
    int receivedPort,
    String userAgent,
    Instant updatedAt) {

  /** Checks that every field but {@code userAgent} is set, and copies {@code path}. */
  public Binding {
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(contactUri, "contactUri");
    Objects.requireNonNull(contactParams, "contactParams");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(callId, "callId");
    path = List.copyOf(path);
    Objects.requireNonNull(receivedTransport, "receivedTransport");
    Objects.requireNonNull(receivedHost, "receivedHost");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
