package org.parley.core.sip;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The identifiers of a request outside INVITE dialogs (RFC 3261 §8.1.1): Call-ID, our From tag, the
 * peer's To tag once a dialog exists, the CSeq number and the dialog's route set.
 *
 * @param remoteTag the peer's tag; empty for an out-of-dialog request, which goes through the
 *     account's first hop
 * @param routeSet the dialog's Route URIs (from Record-Route), empty outside a dialog
 */
public record RequestIds(
    String callId, String localTag, Optional<String> remoteTag, long cseq, List<String> routeSet) {

  public RequestIds {
    routeSet = List.copyOf(routeSet);
  }

  /** New identifiers for an out-of-dialog request (a MESSAGE, a PUBLISH, an initial SUBSCRIBE). */
  public static RequestIds fresh() {
    return new RequestIds(
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString().substring(0, 8),
        Optional.empty(),
        1,
        List.of());
  }

  public boolean inDialog() {
    return remoteTag.isPresent();
  }

  /** The same identifiers for the next request: its CSeq one higher. */
  public RequestIds next() {
    return new RequestIds(callId, localTag, remoteTag, cseq + 1, routeSet);
  }

  /** These identifiers inside the dialog the peer's answer created. */
  public RequestIds inDialog(String peerTag, List<String> routes) {
    return new RequestIds(callId, localTag, Optional.of(peerTag), cseq, routes);
  }
}
