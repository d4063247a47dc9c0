package org.parley.core.sip;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.core.account.AccountConfig;

/**
 * The core's view of its SIP stack, free of any SIP library's types. Methods are called on the
 * core's loop and call back on it.
 */
public interface SipUserAgent extends AutoCloseable {

  /**
   * Sends a REGISTER (an un-REGISTER when {@code expiresSeconds} is 0), answers our server's digest
   * challenge, and reports the outcome once.
   */
  void register(RegisterSession session, int expiresSeconds, Consumer<RegisterResult> done);

  /**
   * Sends a CRLF keep-alive over the account's flow to its first hop (RFC 5626 §4.4.1).
   *
   * @param flowFailed run (on the loop) when the flow is found broken
   */
  void sendKeepAlive(RegisterSession session, Runnable flowFailed);

  /** Expects the account's first hop to present a TLS certificate for its domain (RFC 5922). */
  void expectTlsServer(AccountConfig account);

  /**
   * Also trusts {@code certificates} for TLS servers that must be {@code domain} (see {@link
   * org.parley.core.sip.tls.SipTrustManager#trustForDomain}); replaces what was trusted for it.
   *
   * @throws SipException when the certificates cannot be made into a trust store
   */
  default void trustServerCertificates(String domain, List<X509Certificate> certificates)
      throws SipException {
    throw new UnsupportedOperationException("This user agent has no TLS");
  }

  /**
   * Sends an INVITE to {@code targetUri} through the account's first hop, answering our proxy's 407
   * once (ChallengePolicy decides), and reports through {@code listener}.
   *
   * @param sdpOffer the offer, or empty for a late offer (INVITE without SDP)
   */
  SipDialog invite(
      RegisterSession session,
      String targetUri,
      Optional<String> sdpOffer,
      DialogListener listener);

  /**
   * Sends an INVITE for a transfer: like {@link #invite}, with a Replaces or Referred-By header.
   */
  default SipDialog invite(
      RegisterSession session,
      String targetUri,
      Optional<String> sdpOffer,
      InviteHeaders headers,
      DialogListener listener) {
    if (!headers.isEmpty()) {
      throw new UnsupportedOperationException("This user agent cannot send transfer headers");
    }
    return invite(session, targetUri, sdpOffer, listener);
  }

  /** Where new INVITEs from peers go (on the loop); until set they get 480. */
  void onIncomingInvite(Consumer<IncomingInvite> handler);

  /**
   * Sends a request outside INVITE dialogs (MESSAGE, PUBLISH, SUBSCRIBE), answering our own
   * server's challenge as the account's ChallengePolicy allows, and reports its final outcome once.
   */
  default void send(
      RegisterSession session, OutgoingRequest request, Consumer<RequestOutcome> done) {
    throw new UnsupportedOperationException("This user agent sends no " + request.method());
  }

  /**
   * Where incoming requests of {@code method} (with an Event header of {@code eventPackage}, or
   * none when it is empty) go, on the loop; the handler returns the status to answer with.
   */
  default void onIncomingRequest(
      String method, String eventPackage, Function<IncomingRequest, Integer> handler) {
    // A user agent without them answers such requests 501, as before.
  }

  /** Stops the stack and closes its sockets. */
  @Override
  void close();
}
