package org.parley.core.testing;

import org.parley.core.Softphone;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;

/**
 * Accounts of a {@link BundledServer}'s users on a softphone, as the integration tests use them.
 */
public final class TestAccounts {

  private TestAccounts() {}

  /** Adds {@code sip:user@office.example} through the server as outbound proxy, unregistered. */
  public static Account add(Softphone phone, BundledServer server, String user, String password) {
    return phone.addAccount(
        AccountConfig.of("sip:" + user + "@" + BundledServer.DOMAIN, password::toCharArray)
            .withOutboundProxy("127.0.0.1:" + server.port()));
  }

  /**
   * Adds {@code sip:user@127.0.0.1} that sends everything to a peer on {@code peerPort} (SIPp, a
   * hand-written peer) and never registers: for calls straight to that peer.
   */
  public static Account direct(Softphone phone, String user, int peerPort) {
    return phone.addAccount(
        AccountConfig.of("sip:" + user + "@127.0.0.1", "unused"::toCharArray)
            .withOutboundProxy("127.0.0.1:" + peerPort));
  }

  /** Registers the account and waits for the registrar's 200. */
  public static Account register(Account account) throws InterruptedException {
    RegistrationEvents registration = new RegistrationEvents();
    account.addRegistrationListener(registration);
    account.register();
    registration.next(Registered.class);
    return account;
  }
}
