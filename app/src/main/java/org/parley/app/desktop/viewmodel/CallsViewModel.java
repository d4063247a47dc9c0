package org.parley.app.desktop.viewmodel;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call area: the dial field, the incoming-call (or call-waiting) notification, the list of
 * calls and the selected one (mute, hold, keypad, hang up, live quality, transfer). Selecting a
 * call holds the others. Its methods run on the UI thread; dialling runs on the background
 * executor. Core events arrive through the adapter as the {@code on...} methods.
 */
public final class CallsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(CallsViewModel.class);
  private static final String KEYPAD = "0123456789*#ABCD";

  private final Phone phone;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;
  private final Ringer ringer;
  private final TransferViewModel transfer;
  private final TransferPromptViewModel transferPrompt;
  private final RecordingViewModel recording;
  private Runnable callEndedListener = () -> {};
  private Consumer<String> missedCallListener = peer -> {};

  private final StringProperty dialText = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper dialError = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper incomingShown = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper incomingCaller = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper callWaiting = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper inCall = new ReadOnlyBooleanWrapper();
  private final ObservableList<CallLine> lines = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<CallLine> selected = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper callPeer = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper callState = new ReadOnlyStringWrapper("");
  private final BooleanProperty muted = new SimpleBooleanProperty();
  private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper quality = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper digitsSent = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper lastOutcome = new ReadOnlyStringWrapper("");

  private ActiveCall ringing;
  private boolean switchingMute;

  public CallsViewModel(Phone phone, Executor background, Executor ui, Texts texts) {
    this(phone, background, ui, texts, Ringer.silent());
  }

  public CallsViewModel(Phone phone, Executor background, Executor ui, Texts texts, Ringer ringer) {
    this.phone = phone;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    this.ringer = ringer;
    this.transfer = new TransferViewModel(this, texts);
    this.transferPrompt = new TransferPromptViewModel(texts);
    this.recording = new RecordingViewModel(this, texts, background, ui);
    muted.addListener((property, was, now) -> applyMute(now));
    lines.addListener(
        (javafx.collections.ListChangeListener<CallLine>) change -> inCall.set(!lines.isEmpty()));
  }

  /** Called on the UI thread with the caller when an incoming call stops ringing unanswered. */
  public void setMissedCallListener(Consumer<String> listener) {
    missedCallListener = listener;
  }

  /** Called on the UI thread after each call ends (history reloads then). */
  public void setCallEndedListener(Runnable listener) {
    callEndedListener = listener;
  }

  /** Recording the selected call. */
  public RecordingViewModel recording() {
    return recording;
  }

  /** Blind and attended transfer of the selected call. */
  public TransferViewModel transfer() {
    return transfer;
  }

  /** The question a peer's transfer of one of our calls puts to the user. */
  public TransferPromptViewModel transferPrompt() {
    return transferPrompt;
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

  /** Shows why something handed to us (a link) could not be called. */
  public void showDialError(String message) {
    dialError.set(message);
  }

  /** Calls a target from a contact or the history (numbers lose their separators). */
  public void call(String typedTarget) {
    if (!lines.isEmpty()) {
      dialError.set(texts.text("dial.error.busy"));
      return;
    }
    dialAlongside(typedTarget);
  }

  /**
   * Calls {@code typedTarget} also during a call (a link clicked elsewhere): the selected call is
   * held and the new one joins the call list.
   */
  public void callAlongside(String typedTarget) {
    dialError.set("");
    dialAlongside(typedTarget);
  }

  /** Holds the selected call (if any) and calls {@code typedTarget} as a new, selected line. */
  CallLine dialAlongside(String typedTarget) {
    String target = DialTarget.parse(typedTarget).orElse(typedTarget.strip());
    holdSelected();
    CallLine line = new CallLine(target, null);
    line.setState(texts.text("call.state.calling"));
    lines.add(line);
    select(line);
    background.execute(
        () -> {
          try {
            ActiveCall call = phone.dial(target);
            ui.execute(() -> dialled(line, call));
          } catch (RuntimeException e) {
            LOG.warn("Dialling {} failed", target, e);
            ui.execute(() -> failedToDial(line, e.getMessage()));
          }
        });
    return line;
  }

  private void dialled(CallLine line, ActiveCall call) {
    // A line no longer listed already ended (a failure reported before dial returned).
    if (lines.contains(line) && line.call() == null) {
      line.attach(call);
      if (line.muted) {
        call.setMuted(true); // muted while the dial was under way
      }
      if (line.hangUpOnceDialled) {
        call.hangUp(); // the user hung up while the dial was still under way
      }
    }
  }

  private void failedToDial(CallLine line, String reason) {
    remove(line);
    dialError.set(texts.text("dial.error.failed", reason == null ? "" : reason));
  }

  // --- events from the core, on the UI thread ---

  public void onIncoming(ActiveCall call) {
    if (ringing != null) {
      call.declineBusy(); // a third caller while one already waits for an answer
      return;
    }
    ringing = call;
    incomingCaller.set(call.peer());
    callWaiting.set(!lines.isEmpty());
    incomingShown.set(true);
    // During a call the notification is enough: the ringer would sound beside the headset.
    if (!callWaiting.get()) {
      ringer.start();
    }
  }

  public void onRinging(ActiveCall call) {
    lineOf(call).ifPresent(line -> line.setState(texts.text("call.state.ringing")));
  }

  public void onEstablished(ActiveCall call, String codec) {
    Optional<CallLine> found = lineOf(call);
    if (found.isEmpty() && !call.incoming()) {
      found = pendingDial(); // the event overtook the dial's return
      found.ifPresent(line -> line.attach(call));
    }
    found.ifPresent(
        line -> {
          line.setPeer(call.peer());
          line.setEstablished(true);
          line.setState(texts.text("call.state.established", codec.toUpperCase(Locale.ROOT)));
          if (line == selected.get()) {
            refreshQuality();
          }
        });
  }

  public void onHoldChanged(ActiveCall call, boolean heldByUs, boolean heldByPeer) {
    lineOf(call)
        .ifPresent(
            line -> {
              line.setHeld(heldByUs);
              if (heldByPeer) {
                line.setState(texts.text("call.state.heldByPeer"));
              } else {
                line.setState(texts.text(heldByUs ? "call.state.onHold" : "call.state.resumed"));
              }
            });
  }

  /** Progress of a transfer of one of our calls: the REFER's answer, then the target's status. */
  public void onTransferProgress(ActiveCall call, int statusCode, boolean finalStatus) {
    lineOf(call).ifPresent(line -> transfer.onProgress(line, statusCode, finalStatus));
  }

  /** The peer of one of our calls asks us to call {@code targetUri} instead (RFC 3515 REFER). */
  public void onTransferRequested(ActiveCall call, String targetUri) {
    if (lineOf(call).isEmpty()) {
      call.declineTransfer(); // not a call the user sees
      return;
    }
    transferPrompt.onRequested(call, targetUri);
  }

  /** A transfer the peer asked for was declined: by the user, or by the core after the timeout. */
  public void onTransferDeclined(ActiveCall call, boolean timedOut) {
    transferPrompt.onDeclined(call, timedOut);
  }

  /**
   * Another call took this one's place: the peer transferred us (we now call its target), or a new
   * call replaced this one (we were the target of an attended transfer). The line follows the new
   * call, so the old one's end does not take it away.
   */
  public void onHandedOver(ActiveCall call, ActiveCall replacement) {
    lineOf(call)
        .ifPresent(
            line -> {
              line.attach(replacement);
              line.setPeer(replacement.peer());
              line.setEstablished(false);
              line.setHeld(false);
              line.setState(texts.text("call.state.handedOver"));
            });
  }

  public void onEnded(ActiveCall call, String detail) {
    if (call == ringing) {
      // Answer and decline clear the ringing call first: ending while ringing is a missed call.
      clearIncoming();
      missedCallListener.accept(call.peer());
    }
    transferPrompt.onEnded(call);
    Optional<CallLine> found = lineOf(call);
    if (found.isEmpty() && !call.incoming()) {
      found = pendingDial(); // it failed before the dial returned
    }
    found.ifPresent(
        line -> {
          remove(line);
          transfer.onEnded(line);
        });
    lastOutcome.set(texts.text("call.ended", call.peer(), detail));
    callEndedListener.run();
  }

  // --- commands ---

  /** Answers the incoming call; during a call (call waiting) the selected call is held first. */
  public void answer() {
    if (ringing == null) {
      return;
    }
    ActiveCall call = ringing;
    clearIncoming();
    holdSelected();
    CallLine line = new CallLine(call.peer(), call);
    line.setState(texts.text("call.state.answering"));
    lines.add(line);
    select(line);
    background.execute(call::answer);
  }

  /** Declines the incoming call: 603 Decline, or 486 Busy Here while we are in another call. */
  public void decline() {
    if (ringing == null) {
      return;
    }
    ActiveCall call = ringing;
    boolean busy = callWaiting.get();
    clearIncoming();
    if (busy) {
      call.declineBusy();
    } else {
      call.decline();
    }
  }

  /** Makes {@code line} the selected call: holds the one selected before, resumes this one. */
  public void switchTo(CallLine line) {
    if (line == null || line == selected.get() || !lines.contains(line)) {
      return;
    }
    if (selected.get() != null && !lines.contains(selected.get())) {
      return; // the selected call is being removed: a list view reselecting, not the user
    }
    holdSelected();
    select(line);
    if (line.heldProperty().get() && line.call() != null) {
      line.call().resume();
    }
  }

  /** Selects {@code line} (holding the selected one) and takes it off hold. */
  void resumeLine(CallLine line) {
    if (line != selected.get()) {
      switchTo(line);
    } else if (line.heldProperty().get() && line.call() != null) {
      line.call().resume();
    }
  }

  public void hangUp() {
    hangUpLine(selected.get());
  }

  void hangUpLine(CallLine line) {
    if (line == null) {
      return;
    }
    if (line.call() != null) {
      line.call().hangUp();
    } else {
      line.hangUpOnceDialled = true;
    }
  }

  public void toggleHold() {
    ActiveCall current = selectedCall();
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
    ActiveCall current = selectedCall();
    if (current == null || KEYPAD.indexOf(upper) < 0) {
      return;
    }
    current.sendDigit(upper);
    selected.get().addDigit(upper);
    digitsSent.set(selected.get().digitsSent());
  }

  /** Reads the call's quality; the view calls it once a second during a call. */
  public void refreshQuality() {
    ActiveCall current = selectedCall();
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

  // --- lines ---

  CallLine selectedLine() {
    return selected.get();
  }

  private ActiveCall selectedCall() {
    CallLine line = selected.get();
    return line == null ? null : line.call();
  }

  private Optional<CallLine> lineOf(ActiveCall call) {
    return lines.stream().filter(line -> line.isFor(call)).findFirst();
  }

  private Optional<CallLine> pendingDial() {
    return lines.stream().filter(line -> line.call() == null).findFirst();
  }

  // Only an answered call that is not held already is put on hold.
  private void holdSelected() {
    CallLine line = selected.get();
    if (line != null
        && line.call() != null
        && line.establishedProperty().get()
        && !line.heldProperty().get()) {
      line.call().hold();
    }
  }

  private void select(CallLine line) {
    callPeer.unbind();
    callState.unbind();
    held.unbind();
    quality.set("");
    selected.set(line);
    if (line == null) {
      callPeer.set("");
      callState.set("");
      held.set(false);
      digitsSent.set("");
      switchingMute = true;
      muted.set(false);
      switchingMute = false;
      return;
    }
    callPeer.bind(line.peerProperty());
    callState.bind(line.stateProperty());
    held.bind(line.heldProperty());
    digitsSent.set(line.digitsSent());
    switchingMute = true;
    muted.set(line.muted);
    switchingMute = false;
  }

  private void remove(CallLine line) {
    lines.remove(line);
    if (line == selected.get()) {
      // The other calls stay on hold; the first is selected so one press resumes it.
      select(lines.isEmpty() ? null : lines.get(0));
    }
  }

  private void clearIncoming() {
    ringing = null;
    incomingShown.set(false);
    callWaiting.set(false);
    ringer.stop();
  }

  // Each call has its own microphone switch; the toggle shows the selected call's.
  private void applyMute(boolean value) {
    CallLine line = selected.get();
    if (switchingMute || line == null) {
      return;
    }
    line.muted = value;
    if (line.call() != null) {
      line.call().setMuted(value);
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

  /** True while the incoming call rings during another call. */
  public ReadOnlyBooleanProperty callWaitingProperty() {
    return callWaiting.getReadOnlyProperty();
  }

  /** Every call in progress (ringing out, answered, held), oldest first. */
  public ObservableList<CallLine> lines() {
    return FXCollections.unmodifiableObservableList(lines);
  }

  /** The call the controls act on. */
  public ReadOnlyObjectProperty<CallLine> selectedProperty() {
    return selected.getReadOnlyProperty();
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
