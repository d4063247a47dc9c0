package org.parley.app.desktop.viewmodel;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The question a peer's transfer (RFC 3515 REFER) puts to the user: go to the new party, or stay in
 * the call. The core has already accepted the REFER and declines it by itself when no one answers
 * in time. Runs on the UI thread, owned by {@link CallsViewModel}.
 */
public final class TransferPromptViewModel {

  private final Texts texts;
  private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

  /** The call whose peer asks, while the question is open. */
  private ActiveCall asking;

  TransferPromptViewModel(Texts texts) {
    this.texts = texts;
  }

  /** Follows the transfer: we call the new party, and this call ends once the peer hangs up. */
  public void go() {
    ActiveCall call = close();
    if (call != null) {
      call.acceptTransfer();
    }
  }

  /** Stays in the call: the peer is told the transfer was declined. */
  public void stay() {
    ActiveCall call = close();
    if (call != null) {
      notice.set(texts.text("transfer.prompt.stayed", call.peer()));
      call.declineTransfer();
    }
  }

  void onRequested(ActiveCall call, String targetUri) {
    if (asking != null && asking != call) {
      call.declineTransfer(); // one question at a time; the other peer may ask again
      return;
    }
    asking = call;
    notice.set("");
    question.set(texts.text("transfer.prompt.question", call.peer(), shownTarget(targetUri)));
    shown.set(true);
  }

  void onDeclined(ActiveCall call, boolean timedOut) {
    if (call != asking) {
      return; // the user said stay: already closed
    }
    close();
    if (timedOut) {
      notice.set(texts.text("transfer.prompt.timedOut", call.peer()));
    }
  }

  void onEnded(ActiveCall call) {
    if (call == asking) {
      close();
    }
  }

  private ActiveCall close() {
    ActiveCall call = asking;
    asking = null;
    shown.set(false);
    return call;
  }

  // sip:carol@example.com reads as carol@example.com; a tel-like user part stays as it is.
  private static String shownTarget(String targetUri) {
    String lower = targetUri.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sips:")) {
      return targetUri.substring(5);
    }
    return lower.startsWith("sip:") ? targetUri.substring(4) : targetUri;
  }

  /** Whether the question is open. */
  public ReadOnlyBooleanProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** "Bob wants to transfer you to carol@example.com." */
  public ReadOnlyStringProperty questionProperty() {
    return question.getReadOnlyProperty();
  }

  /** What came of the last question when the user stayed (or did not answer in time). */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }
}
