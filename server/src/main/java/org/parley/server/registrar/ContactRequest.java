package org.parley.server.registrar;

/**
 * One Contact of a REGISTER.
 *
 * @param uri the contact URI
 * @param params the header parameters other than {@code expires} and {@code q}, such as {@code
 *     ;+sip.instance="<urn:uuid:...>";reg-id=1}, or "" for none
 * @param expiresSeconds the contact's {@code expires} parameter, or null when absent
 * @param qMillis the q-value times 1000, or -1 when absent
 */
public record ContactRequest(String uri, String params, Integer expiresSeconds, int qMillis) {}
