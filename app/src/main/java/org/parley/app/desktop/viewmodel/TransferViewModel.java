package org.parley.app.desktop.viewmodel;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Transfer of the selected call: blind (REFER to a typed target, RFC 3515) or attended (hold it,
 * call the target, then join the two with REFER/Replaces, RFC 5589), with the progress and the
 * reason for a failure in words. Runs on the UI thread, owned by {@link CallsViewModel}.
 */
public final class TransferViewModel {

  private static final int ACCEPTED = 202;

  private final CallsViewModel calls;
  private final Texts texts;
  private final StringProperty target = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper consulting = new ReadOnlyBooleanWrapper();

  /** The call whose REFER runs, and to whom (as shown). */
  private CallLine transferring;

  private String transferringTo = "";
  private boolean referAccepted;

  /** An attended transfer: the call being transferred (held) and the call to the target. */
  private CallLine original;

  private CallLine consultation;

  TransferViewModel(CallsViewModel calls, Texts texts) {
    this.calls = calls;
    this.texts = texts;
  }

  /** Asks the selected call's peer to call the typed target; this call ends once it answers. */
  public void blindTransfer() {
    Optional<CallLine> line = transferableLine();
    Optional<String> to = line.isEmpty() ? Optional.empty() : parsedTarget();
    if (to.isEmpty()) {
      return;
    }
    start(line.get(), to.get());
    line.get().call().transfer(to.get());
  }

  /** Holds the selected call and calls the typed target, to talk before handing the call on. */
  public void startConsultation() {
    Optional<CallLine> line = transferableLine();
    Optional<String> to = line.isEmpty() ? Optional.empty() : parsedTarget();
    if (to.isEmpty()) {
      return;
    }
    original = line.get();
    consultation = calls.dialAlongside(to.get());
    consulting.set(true);
    status.set(
        texts.text(
            "transfer.state.consulting",
            consultation.peerProperty().get(),
            original.peerProperty().get()));
  }

  /** Joins the held call with the consultation call (REFER with Replaces); both then end. */
  public void completeTransfer() {
    if (!consulting.get() || transferring != null) {
      return;
    }
    if (!consultation.establishedProperty().get() || consultation.call() == null) {
      error.set(texts.text("transfer.error.notAnswered", consultation.peerProperty().get()));
      return;
    }
    start(original, consultation.peerProperty().get());
    original.call().transferTo(consultation.call());
  }

  /** Ends the consultation call; the held call is resumed once it has ended. */
  public void cancelConsultation() {
    if (consulting.get() && transferring == null) {
      calls.hangUpLine(consultation);
    }
  }

  // --- from CallsViewModel ---

  void onProgress(CallLine line, int statusCode, boolean finalStatus) {
    if (line != transferring) {
      return;
    }
    if (!finalStatus) {
      if (statusCode == ACCEPTED) {
        referAccepted = true;
        show(line, texts.text("transfer.state.accepted", transferringTo));
      } else if (statusCode == 180 || statusCode == 183) {
        show(line, texts.text("transfer.state.ringing", transferringTo));
      }
      return;
    }
    if (statusCode >= 200 && statusCode < 300) {
      show(line, texts.text("transfer.state.done", transferringTo));
    } else {
      error.set(failure(statusCode));
      status.set("");
      line.setState(texts.text("call.state.resumed"));
    }
    transferring = null;
  }

  void onEnded(CallLine line) {
    if (line == consultation && consulting.get()) {
      boolean wasAnswered = line.establishedProperty().get();
      CallLine back = original;
      clearConsultation();
      if (transferring == null) {
        status.set("");
        if (!wasAnswered) {
          error.set(texts.text("transfer.error.consultationFailed", line.peerProperty().get()));
        }
        calls.resumeLine(back); // the caller waited on hold: back to them
      }
    } else if (line == original && consulting.get()) {
      clearConsultation(); // the held caller hung up; the consultation is an ordinary call now
    }
    if (line == transferring) {
      transferring = null;
    }
  }

  private void start(CallLine line, String to) {
    transferring = line;
    transferringTo = to;
    referAccepted = false;
    error.set("");
    show(line, texts.text("transfer.state.requested", line.peerProperty().get(), to));
  }

  private void show(CallLine line, String text) {
    status.set(text);
    line.setState(text);
  }

  private String failure(int statusCode) {
    if (!referAccepted) {
      return texts.text("transfer.error.refused", String.valueOf(statusCode));
    }
    if (statusCode == 486 || statusCode == 600) {
      return texts.text("transfer.error.busy", transferringTo);
    }
    return texts.text("transfer.error.failed", transferringTo, String.valueOf(statusCode));
  }

  private Optional<CallLine> transferableLine() {
    CallLine line = calls.selectedLine();
    if (line == null || line.call() == null || !line.establishedProperty().get()) {
      error.set(texts.text("transfer.error.notConnected"));
      return Optional.empty();
    }
    if (transferring != null || consulting.get()) {
      error.set(texts.text("transfer.error.running"));
      return Optional.empty();
    }
    return Optional.of(line);
  }

  private Optional<String> parsedTarget() {
    Optional<String> to = DialTarget.parse(target.get());
    if (to.isEmpty()) {
      error.set(
          target.get().isBlank()
              ? texts.text("transfer.error.empty")
              : texts.text("dial.error.invalid", target.get().strip()));
      return Optional.empty();
    }
    error.set("");
    return to;
  }

  private void clearConsultation() {
    consulting.set(false);
    original = null;
    consultation = null;
  }

  // --- properties ---

  /** Where to transfer to: a number, a user of the account's domain or a SIP address. */
  public StringProperty targetProperty() {
    return target;
  }

  /** What the running transfer is doing, in words. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Why the last transfer could not start or failed; empty otherwise. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** An attended transfer waits for "complete" (or cancel). */
  public ReadOnlyBooleanProperty consultingProperty() {
    return consulting.getReadOnlyProperty();
  }
}
