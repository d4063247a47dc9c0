package org.parley.server.sip.jainsip;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** jain-sip's factories for unit tests that build messages and headers without a stack. */
final class SipFactories {

  private SipFactories() {}

  static MessageFactory messages() {
    try {
      return factory().createMessageFactory();
    } catch (PeerUnavailableException e) {
      throw new IllegalStateException(e);
    }
  }

  static HeaderFactory headers() {
    try {
      return factory().createHeaderFactory();
    } catch (PeerUnavailableException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SipFactory factory() {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    return factory;
  }
}
