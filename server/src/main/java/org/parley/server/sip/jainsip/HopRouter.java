package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import java.util.concurrent.Callable;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * jain-sip's router with one addition: the proxy can name the next hop for the request it is about
 * to send, so a call reaches a registered phone at the address its REGISTER came from (the
 * NAT-facing address, or the open TCP connection) rather than the address in its Contact.
 */
public final class HopRouter implements Router {

  private static final ThreadLocal<Hop> NEXT_HOP = new ThreadLocal<>();

  private final DefaultRouter standard;

  /** Called by jain-sip through {@code javax.sip.ROUTER_PATH}. */
  public HopRouter(SipStack stack, String outboundProxy) {
    this.standard = new DefaultRouter(stack, outboundProxy);
  }

  /** Runs {@code send} with {@code hop} as the next hop of every request it sends. */
  static <T> T via(Hop hop, Callable<T> send) throws SipException {
    NEXT_HOP.set(hop);
    try {
      return send.call();
    } catch (SipException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SipException("Sending through " + hop + " failed", e);
    } finally {
      NEXT_HOP.remove();
    }
  }

  @Override
  public Hop getNextHop(Request request) throws SipException {
    Hop hop = NEXT_HOP.get();
    return hop != null ? hop : standard.getNextHop(request);
  }

  @Override
  public Hop getOutboundProxy() {
    return standard.getOutboundProxy();
  }

  @Override
  @Deprecated
  @SuppressWarnings("rawtypes")
  public ListIterator getNextHops(Request request) {
    return standard.getNextHops(request);
  }
}
