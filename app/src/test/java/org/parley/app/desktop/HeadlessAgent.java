package org.parley.app.desktop;

import java.nio.file.Path;
import org.parley.app.desktop.session.EmbeddedServer;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RegistrationEvents;

/**
 * A second user agent in the test JVM: a user added to the desktop profile's embedded server, on a
 * softphone of its own, registered, with its call events queued.
 */
public final class HeadlessAgent implements AutoCloseable {

  public final Softphone phone;
  public final Account account;
  public final CallEvents calls = new CallEvents();

  private HeadlessAgent(Softphone phone, Account account) {
    this.phone = phone;
    this.account = account;
  }

  /** Adds {@code user} to the profile's embedded server and registers it there. */
  public static HeadlessAgent register(Path profile, int serverPort, String user) throws Exception {
    String password = user + "-password";
    EmbeddedServer.addUser(profile.resolve("server"), serverPort, user, password.toCharArray());
    Softphone phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    Account account =
        phone.addAccount(
            AccountConfig.of("sip:" + user + "@localhost", password::toCharArray)
                .withOutboundProxy("127.0.0.1:" + serverPort));
    HeadlessAgent agent = new HeadlessAgent(phone, account);
    RegistrationEvents registration = new RegistrationEvents();
    account.addRegistrationListener(registration);
    account.addCallListener(agent.calls);
    account.register();
    registration.next(RegistrationEvent.Registered.class);
    return agent;
  }

  @Override
  public void close() {
    phone.close();
  }
}
