package org.parley.server.store;

import java.time.Instant;

/**
 * One watcher's subscription as the presence agent keeps it across restarts (RFC 6665 dialog
 * state): enough to send the next in-dialog NOTIFY.
 *
 * @param id the dialog's key: Call-ID and our (the notifier's) tag
 * @param presentity the watched address of record, such as {@code sip:bob@example.com}
 * @param watcher the authenticated user name of the watcher
 * @param request the initial SUBSCRIBE as received, without credentials
 * @param localTag our To tag
 * @param hopHost where NOTIFYs go when there is no route set: the SUBSCRIBE's source address
 * @param hopPort its port
 * @param hopTransport udp, tcp or tls
 * @param expiresAt when the subscription lapses
 * @param nextCseq the CSeq of the next NOTIFY
 */
public record StoredSubscription(
    String id,
    String presentity,
    String watcher,
    String request,
    String localTag,
    String hopHost,
    int hopPort,
    String hopTransport,
    Instant expiresAt,
    long nextCseq) {}
