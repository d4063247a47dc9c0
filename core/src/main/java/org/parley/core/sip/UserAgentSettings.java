package org.parley.core.sip;

import org.parley.core.sip.tls.TlsTrust;

/**
 * How the softphone's SIP stack listens.
 *
 * @param bindAddress the local IP address of every listening point; it also goes into Via and
 *     Contact, so it must be one the servers can reach (not {@code 0.0.0.0})
 * @param userAgentName the {@code User-Agent} header's value
 * @param tlsTrust the anchors TLS server certificates are checked against
 * @param maxMessageBytes larger messages are refused, so a flood cannot fill the heap
 * @param pongTimeout how long a TCP/TLS keep-alive may wait for its CRLF pong (RFC 5626 §4.4.1 says
 *     10 s) before the flow counts as failed
 */
public record UserAgentSettings(
    String bindAddress,
    String userAgentName,
    TlsTrust tlsTrust,
    int maxMessageBytes,
    java.time.Duration pongTimeout) {}
