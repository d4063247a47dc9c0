package org.parley.app.desktop.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One call in the call list, with its own peer, state text and hold state; the call itself is
 * unknown until the dial returns. Changed only by {@link CallsViewModel} on the UI thread.
 */
public final class CallLine {

  private final ReadOnlyStringWrapper peer = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper established = new ReadOnlyBooleanWrapper();
  private ActiveCall call;
  private String digitsSent = "";

  /** The user hung up while the dial was still under way. */
  boolean hangUpOnceDialled;

  /** This call's microphone is muted. */
  boolean muted;

  /** Where this call is being recorded, or null. */
  java.nio.file.Path recordingFile;

  CallLine(String peer, ActiveCall call) {
    this.peer.set(peer);
    this.call = call;
  }

  ActiveCall call() {
    return call;
  }

  void attach(ActiveCall dialled) {
    call = dialled;
  }

  boolean isFor(ActiveCall other) {
    return call != null && call == other;
  }

  void setPeer(String value) {
    peer.set(value);
  }

  void setState(String value) {
    state.set(value);
  }

  void setHeld(boolean value) {
    held.set(value);
  }

  void setEstablished(boolean value) {
    established.set(value);
  }

  String digitsSent() {
    return digitsSent;
  }

  void addDigit(char digit) {
    digitsSent += digit;
  }

  public ReadOnlyStringProperty peerProperty() {
    return peer.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Held by us (the other side holding us shows in the state text only). */
  public ReadOnlyBooleanProperty heldProperty() {
    return held.getReadOnlyProperty();
  }

  /** Answered and not ended: transfers and switching need this. */
  public ReadOnlyBooleanProperty establishedProperty() {
    return established.getReadOnlyProperty();
  }

  /** One line for the call list: who, and the state. */
  @Override
  public String toString() {
    return peer.get() + " \u2014 " + state.get();
  }
}
