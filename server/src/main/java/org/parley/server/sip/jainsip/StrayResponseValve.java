package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Relays a UDP response that matches no client transaction (RFC 3261 §16.7: a proxy handles it like
 * a stateless proxy) before jain-sip looks for its transaction. jain-sip 1.3.0-91 then compares the
 * response with every live client transaction, each comparison lower-casing branch parameters; with
 * calls through the proxy those responses are mostly a callee's retransmitted 2xx, which come in
 * bursts exactly when the server is behind. Profiled at 300 calls/s on a loaded machine: 20 % of
 * the server's samples.
 */
final class StrayResponseValve implements SIPMessageValve {

  /** RFC 3261 §8.1.1.7: the branch of every RFC 3261 element starts with this cookie. */
  private static final String MAGIC_COOKIE = ProxyBranches.MAGIC_COOKIE.toLowerCase(Locale.ROOT);

  private final Predicate<String> hasClientTransaction;
  private volatile Consumer<Response> relay;

  /**
   * @param hasClientTransaction whether a client transaction has this transaction id (jain-sip's
   *     lower-cased branch)
   */
  StrayResponseValve(Predicate<String> hasClientTransaction) {
    this.hasClientTransaction = hasClientTransaction;
  }

  /** From now on, stray responses go to {@code strayRelay} (until then jain-sip handles them). */
  void relayTo(Consumer<Response> strayRelay) {
    this.relay = strayRelay;
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    Consumer<Response> strays = relay;
    if (strays == null || !(response instanceof SIPResponse message)) {
      return true;
    }
    // Only UDP: the relay sends from the receiving thread, which for a stream transport is the
    // connection's reader; there the stack's own path (the listener's thread) is kept.
    if (channel != null && !"UDP".equalsIgnoreCase(channel.getTransport())) {
      return true;
    }
    String transactionId = message.getTransactionId();
    // A branch without the cookie (RFC 2543) is matched by its other headers: only jain-sip's
    // search can find its transaction.
    if (transactionId == null
        || !transactionId.startsWith(MAGIC_COOKIE)
        || hasClientTransaction.test(transactionId)) {
      return true;
    }
    strays.accept(response);
    return false;
  }

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    return true;
  }

  @Override
  public void init(SipStack stack) {
    // Created by JainSipServer with what it needs, not by jain-sip from a property.
  }

  @Override
  public void destroy() {
    // Holds nothing.
  }
}
