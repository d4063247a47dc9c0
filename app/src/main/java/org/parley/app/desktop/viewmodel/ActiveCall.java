package org.parley.app.desktop.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One call as the views see it: the commands on it and its live quality. The core's calls are
 * adapted to it, so view-models are tested with plain fakes.
 */
public interface ActiveCall {

  /** The other party: display name, else SIP URI. */
  String peer();

  boolean incoming();

  void answer();

  void decline();

  /** Declines with 486 Busy Here: the answer for a caller who reaches us during another call. */
  void declineBusy();

  void hangUp();

  void setMuted(boolean muted);

  void hold();

  void resume();

  /** Sends one DTMF digit (0-9, *, #, A-D) as an RFC 4733 telephone-event. */
  void sendDigit(char digit);

  /** Blind transfer (RFC 3515): asks the peer to call {@code target}; progress comes as events. */
  void transfer(String target);

  /**
   * Attended transfer (RFC 5589): asks the peer to call the other side of {@code consultation},
   * which replaces that call; on success both calls end.
   */
  void transferTo(ActiveCall consultation);

  /** Follows the transfer the peer asked for: we call its target. */
  void acceptTransfer();

  /** Stays in the call: the transfer the peer asked for is declined. */
  void declineTransfer();

  /**
   * Records both directions to {@code file} (WAV, ours left and theirs right) until {@link
   * #stopRecording()} or the call's end.
   *
   * @throws IOException if the file cannot be written
   * @throws IllegalStateException if the call has no audio yet or already records
   */
  void startRecording(Path file) throws IOException;

  /** Stops the recording and closes its file; nothing happens when none runs. */
  void stopRecording();

  /** The audio quality measured so far, once audio runs. */
  Optional<LiveQuality> quality();

  /**
   * Audio quality of a running call.
   *
   * @param mos the E-model mean opinion score, 1..4.5
   * @param lossPercent packets lost, in percent
   * @param jitterMillis interarrival jitter
   * @param roundTripMillis RTCP round trip, or a negative value before one was measured
   */
  record LiveQuality(double mos, double lossPercent, double jitterMillis, double roundTripMillis) {}
}
