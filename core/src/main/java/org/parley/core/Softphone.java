package org.parley.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.AccountRegistry;
import org.parley.core.call.Call;
import org.parley.core.call.Calls;
import org.parley.core.calllog.CallLog;
import org.parley.core.loop.EventLoop;
import org.parley.core.loop.ThreadEventLoop;
import org.parley.core.sip.SipException;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.sip.UserAgentSettings;
import org.parley.core.sip.jainsip.JainSipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone core: one SIP stack, one event loop, and the accounts on them. Everything the UI
 * sees arrives as typed events on the loop; nothing here knows about a UI.
 */
public final class Softphone implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Softphone.class);
  private static final int MAX_MESSAGE_BYTES = 65_536;

  private final SoftphoneConfig config;
  private final EventLoop loop;
  private final boolean ownsLoop;
  private final SipUserAgent sip;
  private final AccountRegistry accounts;
  private volatile Optional<CallLog> callLog = Optional.empty();
  private Set<InetAddress> lastAddresses;
  private volatile boolean closed;

  private Softphone(SoftphoneConfig config, EventLoop loop, boolean ownsLoop, SipUserAgent sip) {
    this.config = config;
    this.loop = loop;
    this.ownsLoop = ownsLoop;
    this.sip = sip;
    this.accounts =
        new AccountRegistry(
            sip,
            loop,
            config.timing(),
            new Calls.Context(config.clock(), mediaAddress(config), () -> callLog));
    sip.onIncomingInvite(accounts::incoming);
    sip.onIncomingRequest("MESSAGE", "", accounts::incomingMessage);
    sip.onIncomingRequest("NOTIFY", "presence", accounts::incomingNotify);
    sip.onIncomingRequest("NOTIFY", "message-summary", accounts::incomingSummary);
  }

  private static InetAddress mediaAddress(SoftphoneConfig config) {
    try {
      return InetAddress.getByName(config.bindAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not a local address: " + config.bindAddress(), e);
    }
  }

  /** Writes every call that ends from now on to {@code log}. */
  public void setCallLog(CallLog log) {
    callLog = Optional.of(log);
  }

  /** Starts the SIP stack on free local ports and begins watching the network. */
  public static Softphone start(SoftphoneConfig config) throws SipException {
    EventLoop loop = config.loop().orElseGet(() -> new ThreadEventLoop("parley-core"));
    SipUserAgent sip;
    try {
      sip =
          JainSipUserAgent.start(
              new UserAgentSettings(
                  config.bindAddress(),
                  config.userAgentName(),
                  config.tlsTrust(),
                  MAX_MESSAGE_BYTES,
                  config.pongTimeout()),
              loop);
    } catch (SipException e) {
      if (config.loop().isEmpty()) {
        loop.close();
      }
      throw e;
    }
    Softphone softphone = new Softphone(config, loop, config.loop().isEmpty(), sip);
    loop.execute(softphone::pollNetwork);
    return softphone;
  }

  public Clock clock() {
    return config.clock();
  }

  /** Adds an account; it registers once {@link Account#register()} is called. */
  public Account addAccount(AccountConfig accountConfig) {
    return accounts.add(accountConfig);
  }

  public List<Account> accounts() {
    return accounts.accounts();
  }

  /**
   * Hangs up the account's calls, un-REGISTERs it and forgets it, so its settings can be changed or
   * the account deleted without a restart.
   *
   * @return completes once the registrar answered the un-REGISTER or gave up
   */
  public CompletableFuture<Void> removeAccount(Account account) {
    account.activeCalls().forEach(Call::hangUp);
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(
        () -> accounts.remove(account).whenComplete((ignored, error) -> done.complete(null)));
    return done;
  }

  /**
   * Also trusts {@code certificates} for the TLS server of accounts in {@code domain} (a server's
   * self-signed certificate the user accepted), replacing what was trusted for that domain; add
   * before the account registers.
   *
   * @throws SipException when the certificates cannot be made into a trust store
   */
  public void trustServerCertificates(String domain, List<X509Certificate> certificates)
      throws SipException {
    List<X509Certificate> copy = List.copyOf(certificates);
    CompletableFuture<Void> done = new CompletableFuture<>();
    // On the loop, as every call into the SIP stack, and before any REGISTER queued after it.
    loop.execute(
        () -> {
          try {
            sip.trustServerCertificates(domain, copy);
            done.complete(null);
          } catch (SipException | RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    if (loop.inLoop()) {
      return;
    }
    try {
      done.get(config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SipException failure) {
        throw failure;
      }
      throw new SipException("Cannot trust the certificate: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new SipException("The core did not take the certificate in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SipException("Interrupted while trusting a certificate", e);
    }
  }

  // RFC 5626 §4.4 would re-register on any flow failure; a changed address set is the cheapest
  // sign the host moved networks, and polling needs no OS-specific notification API.
  private void pollNetwork() {
    if (closed) {
      return;
    }
    Set<InetAddress> now = config.networkMonitor().localAddresses();
    if (lastAddresses != null && !lastAddresses.equals(now)) {
      LOG.info("Local addresses changed; re-registering every account");
      accounts.networkChanged();
    }
    lastAddresses = now;
    loop.schedule(config.networkPollInterval(), this::pollNetwork);
  }

  /**
   * Hangs up every call, un-REGISTERs every account, waiting at most the configured close timeout
   * for the registrars, then stops the SIP stack (and the loop, if the softphone started it).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (loop.inLoop()) {
      // Waiting here would block the very thread the answers must arrive on.
      throw new IllegalStateException("Close the softphone from outside its event loop");
    }
    // Calls end first (BYE or CANCEL), so peers are not left with dead media.
    accounts.accounts().forEach(account -> account.activeCalls().forEach(Call::hangUp));
    CompletableFuture<CompletableFuture<Void>> started = new CompletableFuture<>();
    loop.execute(() -> started.complete(accounts.unregisterAll()));
    long timeoutMillis = config.closeTimeout().toMillis();
    try {
      started.thenCompose(all -> all).get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("Some registrars did not answer the un-REGISTER within {} ms", timeoutMillis);
    } catch (ExecutionException e) {
      LOG.warn("Un-REGISTER on close failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sip.close();
    if (ownsLoop) {
      loop.close();
    }
  }
}
