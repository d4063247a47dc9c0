package org.parley.core.sip;

import java.util.List;
import java.util.Optional;

/**
 * A request outside INVITE dialogs (MESSAGE, PUBLISH, SUBSCRIBE) described without any SIP
 * library's types; the user agent adds Via, From, Max-Forwards, routing and credentials.
 *
 * @param requestUri the target, or the remote target inside a dialog
 * @param toUri the To header's URI
 * @param headers further headers (Event, Expires, SIP-If-Match...), in order
 * @param contentType the body's media type with parameters, empty for no body
 */
public record OutgoingRequest(
    String method,
    String requestUri,
    String toUri,
    RequestIds ids,
    List<SipHeader> headers,
    Optional<String> contentType,
    byte[] body) {

  public OutgoingRequest {
    headers = List.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
