package org.parley.app.desktop.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An {@link ActiveCall} that records the commands it gets and reports a set quality. */
public final class FakeCall implements ActiveCall {

  public final List<String> commands = new ArrayList<>();
  private final String peer;
  private final boolean incoming;
  Optional<LiveQuality> quality = Optional.empty();

  public FakeCall(String peer, boolean incoming) {
    this.peer = peer;
    this.incoming = incoming;
  }

  @Override
  public String peer() {
    return peer;
  }

  @Override
  public boolean incoming() {
    return incoming;
  }

  @Override
  public void answer() {
    commands.add("answer");
  }

  @Override
  public void decline() {
    commands.add("decline");
  }

  @Override
  public void declineBusy() {
    commands.add("declineBusy");
  }

  @Override
  public void transfer(String target) {
    commands.add("transfer " + target);
  }

  @Override
  public void transferTo(ActiveCall consultation) {
    commands.add("transferTo " + consultation.peer());
  }

  @Override
  public void acceptTransfer() {
    commands.add("acceptTransfer");
  }

  @Override
  public void declineTransfer() {
    commands.add("declineTransfer");
  }

  @Override
  public void hangUp() {
    commands.add("hangUp");
  }

  @Override
  public void setMuted(boolean muted) {
    commands.add(muted ? "mute" : "unmute");
  }

  /** A file name here makes the next start fail, as a full disk would. */
  public String refuseRecordingWith;

  @Override
  public void startRecording(java.nio.file.Path file) throws java.io.IOException {
    if (refuseRecordingWith != null) {
      throw new java.io.IOException(refuseRecordingWith);
    }
    commands.add("record " + file.getFileName());
  }

  @Override
  public void stopRecording() {
    commands.add("stop recording");
  }

  @Override
  public void hold() {
    commands.add("hold");
  }

  @Override
  public void resume() {
    commands.add("resume");
  }

  @Override
  public void sendDigit(char digit) {
    commands.add("digit " + digit);
  }

  @Override
  public Optional<LiveQuality> quality() {
    return quality;
  }
}
