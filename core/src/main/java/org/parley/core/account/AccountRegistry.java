package org.parley.core.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.core.call.Calls;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.SipUserAgent;

/** The softphone's accounts, created here so that their internals stay in this package. */
public final class AccountRegistry {

  private final SipUserAgent sip;
  private final EventLoop loop;
  private final RegistrationTiming timing;
  private final Calls.Context callContext;
  private final List<Account> accounts = new CopyOnWriteArrayList<>();

  public AccountRegistry(
      SipUserAgent sip, EventLoop loop, RegistrationTiming timing, Calls.Context callContext) {
    this.sip = sip;
    this.loop = loop;
    this.timing = timing;
    this.callContext = callContext;
  }

  public Account add(AccountConfig config) {
    if (config.transport() == Transport.TLS) {
      sip.expectTlsServer(config);
    }
    Account account = new Account(config, sip, loop, timing, callContext);
    accounts.add(account);
    return account;
  }

  /**
   * Stops routing to {@code account} and un-REGISTERs it (call on the loop).
   *
   * @return completes when its registrar answered or the transaction ended; at once when the
   *     account was not here
   */
  public CompletableFuture<Void> remove(Account account) {
    if (!accounts.remove(account)) {
      return CompletableFuture.completedFuture(null);
    }
    return account.stopOnLoop();
  }

  public List<Account> accounts() {
    return List.copyOf(accounts);
  }

  /**
   * Hands a peer's INVITE to the account its Request-URI names (call on the loop); 404 when none.
   */
  public void incoming(IncomingInvite invite) {
    for (Account account : accounts) {
      if (account.config().user().equals(invite.localUser())) {
        account.incoming(invite);
        return;
      }
    }
    invite.dialog().reject(404);
  }

  /**
   * Hands a MESSAGE to the account its Request-URI names (call on the loop).
   *
   * @return the status to answer with; 404 when no account has that user
   */
  public int incomingMessage(IncomingRequest request) {
    return byUser(request.localUser()).map(a -> a.messaging().onMessage(request)).orElse(404);
  }

  /**
   * Hands a presence NOTIFY to the account its Request-URI names (call on the loop).
   *
   * @return the status to answer with; 481 when no account has that user
   */
  public int incomingNotify(IncomingRequest request) {
    return byUser(request.localUser()).map(a -> a.presence().onNotify(request)).orElse(481);
  }

  /**
   * Hands a message-summary NOTIFY (RFC 3842) to the account its Request-URI names (call on the
   * loop).
   *
   * @return the status to answer with; 481 when no account has that user
   */
  public int incomingSummary(IncomingRequest request) {
    return byUser(request.localUser()).map(a -> a.voicemail().onNotify(request)).orElse(481);
  }

  private Optional<Account> byUser(String user) {
    return accounts.stream().filter(a -> a.config().user().equals(user)).findFirst();
  }

  /** Re-registers every registered account (call on the loop). */
  public void networkChanged() {
    accounts.forEach(Account::networkChanged);
  }

  /**
   * Un-REGISTERs every account (call on the loop).
   *
   * @return completes when every registrar answered or its transaction ended
   */
  public CompletableFuture<Void> unregisterAll() {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (Account account : accounts) {
      pending.add(account.stopOnLoop());
    }
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
  }
}
