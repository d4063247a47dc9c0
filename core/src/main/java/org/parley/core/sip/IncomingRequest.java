package org.parley.core.sip;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A MESSAGE or NOTIFY from a peer or our server, described without any SIP library's types.
 *
 * @param localUser the user part of the Request-URI (which of our accounts it is for)
 * @param fromUri the sender's URI from the From header
 * @param fromDisplayName the sender's display name, empty when none was given
 * @param toTag our tag in the To header, empty outside a dialog
 * @param headers the request's headers by lower-case name (the first value of each)
 * @param contentType the body's media type {@code type/subtype} in lower case, empty for none
 */
public record IncomingRequest(
    String method,
    String localUser,
    String fromUri,
    String fromDisplayName,
    String fromTag,
    Optional<String> toTag,
    String callId,
    long cseq,
    Map<String, String> headers,
    Optional<String> contentType,
    byte[] body) {

  public IncomingRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** A header's value by name, ignoring case. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
