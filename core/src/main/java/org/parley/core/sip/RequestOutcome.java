package org.parley.core.sip;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The final answer to an {@link OutgoingRequest}: a response, or a local failure reported as the
 * status RFC 3261 §8.1.3.1 says to treat it as (408 for no answer, 503 when it could not be sent).
 *
 * @param headers the response's headers by lower-case name (the first value of each)
 * @param toTag the To tag of the response, empty when it has none
 * @param contactUri the response's Contact URI (a subscription's remote target)
 * @param recordRoutes the Record-Route URIs in the order a UAC uses them as its route set
 * @param cseq the CSeq the answered request carried (higher than asked after a challenge)
 * @param local whether no response came and the status stands for a local failure
 */
public record RequestOutcome(
    int statusCode,
    String reasonPhrase,
    Map<String, String> headers,
    Optional<String> toTag,
    Optional<String> contactUri,
    List<String> recordRoutes,
    long cseq,
    boolean local) {

  public RequestOutcome {
    headers = Map.copyOf(headers);
    recordRoutes = List.copyOf(recordRoutes);
  }

  /** A failure with no response: 408 when nobody answered, 503 when sending failed. */
  public static RequestOutcome localFailure(int statusCode, String reason, long cseq) {
    return new RequestOutcome(
        statusCode, reason, Map.of(), Optional.empty(), Optional.empty(), List.of(), cseq, true);
  }

  public boolean success() {
    return statusCode >= 200 && statusCode < 300;
  }

  /** A header's value by name, ignoring case. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
