package org.parley.core.call;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.TestAccounts;

/**
 * Alice, Bob and Carol, each on a softphone of their own, registered with one bundled server and
 * each with a recorder of their call events: the cast of the transfer tests.
 */
final class ThreeParties implements AutoCloseable {

  final CallEvents aliceEvents = new CallEvents();
  final CallEvents bobEvents = new CallEvents();
  final CallEvents carolEvents = new CallEvents();
  final Account alice;
  final Account bob;
  final Account carol;
  private final BundledServer server;
  private final List<Softphone> phones = new ArrayList<>();

  private ThreeParties() throws Exception {
    server =
        BundledServer.builder()
            .start()
            .user("alice", "wonder")
            .user("bob", "builder")
            .user("carol", "singer");
    alice = register("alice", "wonder", aliceEvents);
    bob = register("bob", "builder", bobEvents);
    carol = register("carol", "singer", carolEvents);
  }

  /** Starts the server and registers all three. */
  static ThreeParties start() throws Exception {
    return new ThreeParties();
  }

  private Account register(String user, String password, CallEvents events) throws Exception {
    Softphone phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    phones.add(phone);
    Account account = TestAccounts.add(phone, server, user, password);
    account.addCallListener(events);
    return TestAccounts.register(account);
  }

  @Override
  public void close() {
    phones.forEach(Softphone::close);
    server.close();
  }
}
