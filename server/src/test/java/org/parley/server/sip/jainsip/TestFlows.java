package org.parley.server.sip.jainsip;

import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipRegistration;

/** SIP exchanges the integration tests share, spoken by a raw client to {@link TestSipServer}. */
final class TestFlows {

  private TestFlows() {}

  /** Registers {@code client} as {@code user} (answering the MD5 challenge) and checks the 200. */
  static void register(RawSipClient client, String user, String password) throws Exception {
    SipRegistration.register(client, TestSipServer.DOMAIN, user, password);
  }
}
