package org.parley.server.registrar;

import java.util.List;

/**
 * What the registrar needs from a REGISTER that passed authentication, free of any SIP stack's
 * types.
 *
 * @param aor the canonical address-of-record from the To header, such as {@code
 *     sip:alice@example.com}
 * @param wildcard whether the request had {@code Contact: *}
 * @param expiresHeaderSeconds the Expires header, or null when absent
 * @param path the Path header values in order (RFC 3327)
 * @param receivedTransport transport the request arrived on: UDP, TCP or TLS
 * @param receivedHost source address of the request
 * @param receivedPort source port of the request
 */
public record RegisterRequest(
    String aor,
    boolean wildcard,
    List<ContactRequest> contacts,
    Integer expiresHeaderSeconds,
    String callId,
    long cseq,
    List<String> path,
    String receivedTransport,
    String receivedHost,
    int receivedPort,
    String userAgent) {}
