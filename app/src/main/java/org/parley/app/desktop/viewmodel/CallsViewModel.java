package org.parley.app.desktop.viewmodel;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call area: the dial field, the incoming-call notification and the one call in progress (mute,
 * hold, keypad, hang up, live quality). Its methods run on the UI thread; dialling runs on the
 * background executor. Core events arrive through the adapter as the {@code on...} methods.
 */
public final class CallsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(CallsViewModel.class);
  private static final String KEYPAD = "0123456789*#ABCD";

  private final Phone phone;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;
  private Runnable callEndedListener = () -> {};

  private final StringProperty dialText = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper dialError = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper incomingShown = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper incomingCaller = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper inCall = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper callPeer = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper callState = new ReadOnlyStringWrapper("");
  private final BooleanProperty muted = new SimpleBooleanProperty();
  private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper quality = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper digitsSent = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper lastOutcome = new ReadOnlyStringWrapper("");

  private ActiveCall ringing;
  private ActiveCall current;
  private boolean hangUpWhenDialled;

  public CallsViewModel(Phone phone, Executor background, Executor ui, Texts texts) {
    this.phone = phone;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    muted.addListener((property, was, now) -> applyMute(now));
  }

  /** Called on the UI thread after each call ends (history reloads then). */
  public void setCallEndedListener(Runnable listener) {
    callEndedListener = listener;
  }

  // --- dialling ---

  /** Dials what the dial field holds; says what is wrong instead when it cannot be called. */
  public void dial() {
    Optional<String> target = DialTarget.parse(dialText.get());
    if (target.isEmpty()) {
      dialError.set(
          dialText.get().isBlank()
              ? texts.text("dial.error.empty")
              : texts.text("dial.error.invalid", dialText.get().strip()));
      return;
    }
    dialError.set("");
    call(target.get());
  }

  /** Calls a target from a contact or the history (numbers lose their separators). */
  public void call(String typedTarget) {
    String target = DialTarget.parse(typedTarget).orElse(typedTarget.strip());
    if (current != null) {
      dialError.set(texts.text("dial.error.busy"));
      return;
    }
    callPeer.set(target);
    callState.set(texts.text("call.state.calling"));
    hangUpWhenDialled = false;
    inCall.set(true);
    background.execute(
        () -> {
          try {
            ActiveCall call = phone.dial(target);
            ui.execute(() -> dialled(call));
          } catch (RuntimeException e) {
            LOG.warn("Dialling {} failed", target, e);
            ui.execute(() -> failedToDial(e.getMessage()));
          }
        });
  }

  private void dialled(ActiveCall call) {
    // Not in a call any more means it already ended (a failure reported before dial returned).
    if (current == null && inCall.get()) {
      current = call;
      muted.set(false);
      if (hangUpWhenDialled) {
        call.hangUp(); // the user hung up while the dial was still under way
      }
    }
  }

  private void failedToDial(String reason) {
    inCall.set(false);
    callState.set("");
    dialError.set(texts.text("dial.error.failed", reason == null ? "" : reason));
  }

  // --- events from the core, on the UI thread ---

  public void onIncoming(ActiveCall call) {
    if (current != null || ringing != null) {
      // One call at a time for now: a second caller hears busy.
      call.decline();
      return;
    }
    ringing = call;
    incomingCaller.set(call.peer());
    incomingShown.set(true);
  }

  public void onRinging(ActiveCall call) {
    if (call == current) {
      callState.set(texts.text("call.state.ringing"));
    }
  }

  public void onEstablished(ActiveCall call, String codec) {
    if (current == null && !call.incoming()) {
      current = call; // the event overtook the dial's return
    }
    if (call == current) {
      callPeer.set(call.peer());
      callState.set(texts.text("call.state.established", codec.toUpperCase(Locale.ROOT)));
      refreshQuality();
    }
  }

  public void onHoldChanged(ActiveCall call, boolean heldByUs, boolean heldByPeer) {
    if (call != current) {
      return;
    }
    held.set(heldByUs);
    if (heldByPeer) {
      callState.set(texts.text("call.state.heldByPeer"));
    } else {
      callState.set(texts.text(heldByUs ? "call.state.onHold" : "call.state.resumed"));
    }
  }

  public void onEnded(ActiveCall call, String detail) {
    if (call == ringing) {
      ringing = null;
      incomingShown.set(false);
    }
    if (call == current || (current == null && inCall.get() && !call.incoming())) {
      current = null;
      inCall.set(false);
      held.set(false);
      quality.set("");
      digitsSent.set("");
      callState.set("");
    }
    lastOutcome.set(texts.text("call.ended", call.peer(), detail));
    callEndedListener.run();
  }

  // --- commands ---

  public void answer() {
    if (ringing == null) {
      return;
    }
    ActiveCall call = ringing;
    ringing = null;
    incomingShown.set(false);
    current = call;
    muted.set(false);
    callPeer.set(call.peer());
    callState.set(texts.text("call.state.answering"));
    inCall.set(true);
    background.execute(call::answer);
  }

  public void decline() {
    if (ringing == null) {
      return;
    }
    ActiveCall call = ringing;
    ringing = null;
    incomingShown.set(false);
    call.decline();
  }

  public void hangUp() {
    if (current != null) {
      current.hangUp();
    } else if (inCall.get()) {
      hangUpWhenDialled = true;
    }
  }

  public void toggleHold() {
    if (current == null) {
      return;
    }
    if (held.get()) {
      current.resume();
    } else {
      current.hold();
    }
  }

  /** Sends a keypad digit; anything but 0-9, *, #, A-D is ignored. */
  public void sendDigit(char digit) {
    char upper = Character.toUpperCase(digit);
    if (current == null || KEYPAD.indexOf(upper) < 0) {
      return;
    }
    current.sendDigit(upper);
    digitsSent.set(digitsSent.get() + upper);
  }

  /** Reads the call's quality; the view calls it once a second during a call. */
  public void refreshQuality() {
    if (current == null) {
      return;
    }
    current
        .quality()
        .ifPresent(
            q ->
                quality.set(
                    texts.text(
                        "call.quality",
                        String.format(texts.locale(), "%.1f", q.mos()),
                        String.format(texts.locale(), "%.1f", q.lossPercent()),
                        String.format(texts.locale(), "%.0f", q.jitterMillis()),
                        q.roundTripMillis() < 0
                            ? texts.text("call.quality.noRtt")
                            : String.format(texts.locale(), "%.0f", q.roundTripMillis()))));
  }

  private void applyMute(boolean value) {
    if (current != null) {
      current.setMuted(value);
    }
  }

  // --- properties ---

  public StringProperty dialTextProperty() {
    return dialText;
  }

  public ReadOnlyStringProperty dialErrorProperty() {
    return dialError.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty incomingShownProperty() {
    return incomingShown.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty incomingCallerProperty() {
    return incomingCaller.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty inCallProperty() {
    return inCall.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty callPeerProperty() {
    return callPeer.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty callStateProperty() {
    return callState.getReadOnlyProperty();
  }

  public BooleanProperty mutedProperty() {
    return muted;
  }

  public ReadOnlyBooleanProperty heldProperty() {
    return held.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty qualityProperty() {
    return quality.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty digitsSentProperty() {
    return digitsSent.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty lastOutcomeProperty() {
    return lastOutcome.getReadOnlyProperty();
  }
}
