package org.parley.core.account;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.core.call.Call;
import org.parley.core.call.CallListener;
import org.parley.core.call.CallMedia;
import org.parley.core.call.CallPolicy;
import org.parley.core.call.Calls;
import org.parley.core.im.Messaging;
import org.parley.core.loop.EventLoop;
import org.parley.core.presence.Presence;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.voicemail.Voicemail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SIP identity of the softphone: its registration, calls, messages, presence and voicemail.
 * Methods may be called from any thread; the work runs on the core's loop and results arrive as
 * events there.
 */
public final class Account {

  private static final Logger LOG = LoggerFactory.getLogger(Account.class);

  private final AccountConfig config;
  private final EventLoop loop;
  private final Registration registration;
  private final List<RegistrationListener> listeners = new CopyOnWriteArrayList<>();
  private final Calls calls;
  private final Messaging messaging;
  private final Presence presence;
  private final Voicemail voicemail;

  Account(
      AccountConfig config,
      SipUserAgent sip,
      EventLoop loop,
      RegistrationTiming timing,
      Calls.Context callContext) {
    this.config = config;
    this.loop = loop;
    this.registration = new Registration(this, sip, loop, timing);
    this.calls =
        new Calls(
            config.addressOfRecord(),
            config.domain(),
            sip,
            loop,
            registration::session,
            callContext);
    this.messaging =
        new Messaging(config.domain(), sip, loop, registration::session, callContext.clock());
    this.presence =
        new Presence(config.addressOfRecord(), config.domain(), sip, loop, registration::session);
    calls.addListener(presence::onCallEvent);
    this.voicemail = new Voicemail(config, sip, loop, registration::session);
  }

  public AccountConfig config() {
    return config;
  }

  public String addressOfRecord() {
    return config.addressOfRecord();
  }

  /** Listens to this account's registration events (delivered on the core's loop). */
  public void addRegistrationListener(RegistrationListener listener) {
    listeners.add(listener);
  }

  public void removeRegistrationListener(RegistrationListener listener) {
    listeners.remove(listener);
  }

  /** Listens to this account's calls, incoming ones included (events on the core's loop). */
  public void addCallListener(CallListener listener) {
    calls.addListener(listener);
  }

  public void removeCallListener(CallListener listener) {
    calls.removeListener(listener);
  }

  /**
   * Calls {@code target} ({@code sip:user@host}, {@code user@host}, or a user of this account's
   * domain) with the given audio.
   */
  public Call call(String target, CallMedia media) {
    return calls.dial(target, media);
  }

  /** Calls {@code target} sending silence and discarding what it hears. */
  public Call call(String target) {
    return call(target, CallMedia.silent());
  }

  /** This account's instant messages: send text and typing indications, listen for events. */
  public Messaging messaging() {
    return messaging;
  }

  /** This account's presence: publish our status, watch buddies, listen for their status. */
  public Presence presence() {
    return presence;
  }

  /** This account's voicemail: message-waiting indication and the mailbox's HTTP API. */
  public Voicemail voicemail() {
    return voicemail;
  }

  /** Sets how this account's calls negotiate media from the next call on (SRTP, codecs). */
  public void setCallPolicy(CallPolicy policy) {
    calls.setPolicy(policy);
  }

  /** The calls not yet ended. */
  public List<Call> activeCalls() {
    return calls.active();
  }

  void incoming(IncomingInvite invite) {
    calls.incoming(invite);
  }

  /** Registers now and keeps the registration alive until {@link #unregister()}. */
  public void register() {
    loop.execute(registration::start);
  }

  /** Removes the binding; the future completes once the registrar answered or gave up. */
  public CompletableFuture<Void> unregister() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> registration.stop().whenComplete((ignored, error) -> done.complete(null)));
    return done;
  }

  /**
   * The registration's state. Exact on the loop; from another thread it may lag an event already
   * delivered.
   */
  public RegistrationState registrationState() {
    return registration.state();
  }

  void networkChanged() {
    registration.networkChanged();
  }

  CompletableFuture<Void> stopOnLoop() {
    return registration.stop();
  }

  void emit(RegistrationEvent event) {
    for (RegistrationListener listener : listeners) {
      try {
        listener.onRegistrationEvent(event);
      } catch (RuntimeException e) {
        // One faulty listener (a UI adapter, say) must not keep the event from the others.
        LOG.error("A registration listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "Account[" + config.addressOfRecord() + "]";
  }
}
