package org.parley.app.desktop.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.parley.app.desktop.viewmodel.ActiveCall;
import org.parley.core.call.Call;
import org.parley.core.call.CallRecording;
import org.parley.core.calllog.CallDirection;

/** A core {@link Call} as the view-models see it; its audio comes from the provider. */
final class CoreActiveCall implements ActiveCall {

  private final Call call;
  private final CallAudioProvider audio;
  private volatile MuteSwitch mute;

  CoreActiveCall(Call call, CallAudioProvider audio) {
    this.call = call;
    this.audio = audio;
  }

  void attach(MuteSwitch microphone) {
    mute = microphone;
  }

  Call call() {
    return call;
  }

  @Override
  public String peer() {
    String name = call.peerDisplayName();
    return name == null || name.isBlank() ? call.peerUri() : name;
  }

  @Override
  public boolean incoming() {
    return call.direction() == CallDirection.INCOMING;
  }

  @Override
  public void answer() {
    CallAudioProvider.PreparedAudio prepared = audio.prepare();
    attach(prepared.mute());
    call.answer(prepared.media());
  }

  @Override
  public void decline() {
    call.reject(603);
  }

  @Override
  public void declineBusy() {
    call.reject(486);
  }

  @Override
  public void transfer(String target) {
    call.transfer(target);
  }

  @Override
  public void transferTo(ActiveCall consultation) {
    if (!(consultation instanceof CoreActiveCall other)) {
      throw new IllegalArgumentException("Not a call of this phone: " + consultation.peer());
    }
    call.transferTo(other.call);
  }

  @Override
  public void acceptTransfer() {
    call.acceptTransfer();
  }

  @Override
  public void declineTransfer() {
    call.declineTransfer();
  }

  @Override
  public void hangUp() {
    call.hangUp();
  }

  @Override
  public void startRecording(Path file) throws IOException {
    call.recording().start(file, CallRecording.Layout.STEREO);
  }

  @Override
  public void stopRecording() {
    call.recording().stop();
  }

  @Override
  public void setMuted(boolean muted) {
    MuteSwitch current = mute;
    if (current != null) {
      current.setMuted(muted);
    }
  }

  @Override
  public void hold() {
    call.hold();
  }

  @Override
  public void resume() {
    call.resume();
  }

  @Override
  public void sendDigit(char digit) {
    call.sendDigits(String.valueOf(digit));
  }

  @Override
  public Optional<LiveQuality> quality() {
    return call.quality()
        .map(
            q ->
                new LiveQuality(
                    q.meanMos(),
                    q.overallLossPercent(),
                    q.meanJitterMillis(),
                    q.meanRoundTripMillis()));
  }
}
