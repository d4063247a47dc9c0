package org.parley.app.desktop.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.parley.app.desktop.viewmodel.AccountsViewModel;
import org.parley.app.desktop.viewmodel.CallsViewModel;
import org.parley.app.desktop.viewmodel.Phone;
import org.parley.core.account.Account;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.account.RegistrationEvent.Unregistered;
import org.parley.core.account.RegistrationListener;
import org.parley.core.account.RegistrationState;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallEvent.CallEarlyMedia;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallHoldChanged;
import org.parley.core.call.CallEvent.CallReplaced;
import org.parley.core.call.CallEvent.CallRinging;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallEvent.TransferDeclined;
import org.parley.core.call.CallEvent.TransferProgress;
import org.parley.core.call.CallEvent.TransferRequested;
import org.parley.core.call.CallListener;

/**
 * The one adapter between the core and the view-models: places calls on the core's accounts and
 * hops every registration and call event from the core's loop to the UI thread.
 */
public final class CorePhone implements Phone {

  private final CallAudioProvider audio;
  private final Executor ui;
  private final List<Account> accounts = new CopyOnWriteArrayList<>();
  private final Map<Call, CoreActiveCall> calls = new ConcurrentHashMap<>();
  private volatile CallsViewModel callsView;
  private volatile AccountsViewModel accountsView;
  // One instance each, so that detach removes what attach added.
  private final RegistrationListener registrationListener = this::onRegistration;
  private final CallListener callListener = this::onCall;

  public CorePhone(CallAudioProvider audio, Executor ui) {
    this.audio = audio;
    this.ui = ui;
  }

  /**
   * Where events go; set before the first account is attached, or before the {@link HeldExecutor}
   * given as {@code ui} is released.
   */
  public void deliverTo(CallsViewModel callsViewModel, AccountsViewModel accountsViewModel) {
    callsView = callsViewModel;
    accountsView = accountsViewModel;
  }

  /** Listens to the account's events and registers it. */
  public void attach(Account account) {
    accounts.add(account);
    account.addRegistrationListener(registrationListener);
    account.addCallListener(callListener);
    String aor = account.addressOfRecord();
    ui.execute(() -> accountsView.onRegistering(aor));
    account.register();
  }

  /** Stops listening to the account and placing calls on it (before it is removed). */
  public void detach(Account account) {
    accounts.remove(account);
    account.removeRegistrationListener(registrationListener);
    account.removeCallListener(callListener);
  }

  @Override
  public CoreActiveCall dial(String target) {
    Account account =
        registeredAccount()
            .orElseThrow(() -> new IllegalStateException("No account is registered"));
    CallAudioProvider.PreparedAudio prepared = audio.prepare();
    Call call = account.call(target, prepared.media());
    CoreActiveCall active = calls.computeIfAbsent(call, c -> new CoreActiveCall(c, audio));
    active.attach(prepared.mute());
    return active;
  }

  private Optional<Account> registeredAccount() {
    return accounts.stream()
        .filter(a -> a.registrationState() == RegistrationState.REGISTERED)
        .findFirst()
        .or(() -> accounts.stream().findFirst());
  }

  // On the core's loop.
  private void onRegistration(RegistrationEvent event) {
    String aor = event.account().addressOfRecord();
    // The view is read on the UI thread: events may come before it is set (see HeldExecutor).
    if (event instanceof Registered) {
      ui.execute(() -> accountsView.onRegistered(aor));
    } else if (event instanceof RegistrationFailed failed) {
      boolean retrying = failed.retryIn().isPresent();
      ui.execute(() -> accountsView.onRegistrationFailed(aor, failed.reason(), retrying));
    } else if (event instanceof Unregistered) {
      ui.execute(() -> accountsView.onUnregistered(aor));
    }
  }

  private CoreActiveCall activeCall(Call call) {
    return calls.computeIfAbsent(call, c -> new CoreActiveCall(c, audio));
  }

  // On the core's loop.
  private void onCall(CallEvent event) {
    CoreActiveCall call = activeCall(event.call());
    if (event instanceof IncomingCall) {
      ui.execute(() -> callsView.onIncoming(call));
    } else if (event instanceof CallRinging || event instanceof CallEarlyMedia) {
      ui.execute(() -> callsView.onRinging(call));
    } else if (event instanceof CallEstablished established) {
      String codec = established.codec() == null ? "" : established.codec();
      ui.execute(() -> callsView.onEstablished(call, codec));
    } else if (event instanceof CallHoldChanged hold) {
      ui.execute(() -> callsView.onHoldChanged(call, hold.heldByUs(), hold.heldByPeer()));
    } else if (event instanceof TransferProgress progress) {
      ui.execute(
          () -> callsView.onTransferProgress(call, progress.statusCode(), progress.finalStatus()));
    } else if (event instanceof TransferRequested requested) {
      ui.execute(() -> callsView.onTransferRequested(call, requested.targetUri()));
    } else if (event instanceof TransferDeclined declined) {
      ui.execute(() -> callsView.onTransferDeclined(call, declined.timedOut()));
    } else if (event instanceof CallTransferred transferred) {
      CoreActiveCall next = activeCall(transferred.newCall());
      ui.execute(() -> callsView.onHandedOver(call, next));
    } else if (event instanceof CallReplaced replaced) {
      CoreActiveCall next = activeCall(replaced.newCall());
      ui.execute(() -> callsView.onHandedOver(call, next));
    } else if (event instanceof CallEnded ended) {
      calls.remove(event.call());
      ui.execute(() -> callsView.onEnded(call, ended.detail()));
    }
    // DigitReceived: digits from the peer are not shown yet.
  }
}
