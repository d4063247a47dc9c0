package org.parley.core.call;

import java.net.InetSocketAddress;
import java.net.URI;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.TestAccounts;

/** Parley's server with alice and bob registered on two softphones, each with its call events. */
final class TwoPhones implements AutoCloseable {

  final BundledServer server;
  final Softphone alicePhone;
  final Softphone bobPhone;
  final Account alice;
  final Account bob;
  final CallEvents aliceEvents = new CallEvents();
  final CallEvents bobEvents = new CallEvents();

  TwoPhones(SoftphoneConfig aliceConfig, SoftphoneConfig bobConfig) throws Exception {
    server = BundledServer.builder().start().user("alice", "wonder").user("bob", "builder");
    alicePhone = Softphone.start(aliceConfig);
    bobPhone = Softphone.start(bobConfig);
    alice = register(alicePhone, "alice", "wonder", aliceEvents);
    bob = register(bobPhone, "bob", "builder", bobEvents);
  }

  TwoPhones() throws Exception {
    this(SoftphoneConfig.defaults("127.0.0.1"), SoftphoneConfig.defaults("127.0.0.1"));
  }

  private Account register(Softphone phone, String user, String password, CallEvents events)
      throws InterruptedException {
    Account account = TestAccounts.add(phone, server, user, password);
    account.addCallListener(events);
    return TestAccounts.register(account);
  }

  /** Where bob's phone takes SIP directly (its registered contact). */
  InetSocketAddress bobContact() {
    URI contact = URI.create(server.contactsOf("bob").get(0).replace("sip:", "sip://"));
    return new InetSocketAddress(contact.getHost(), contact.getPort());
  }

  @Override
  public void close() {
    alicePhone.close();
    bobPhone.close();
    server.close();
  }
}
