package org.parley.core.testing;

import org.parley.core.call.CallEvent;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallListener;
import org.parley.media.audio.AudioSink;

/**
 * A call's sink that keeps what played before the phone saw the answer apart from what played
 * after: add it as a call listener too, and {@link CallEstablished} switches the recording.
 */
public final class AnswerSplitSink implements AudioSink, CallListener {

  private final RecordingSink beforeAnswer = new RecordingSink(ToneSequence.RATE_HZ);
  private final RecordingSink afterAnswer = new RecordingSink(ToneSequence.RATE_HZ);
  private volatile boolean answered;

  @Override
  public void onCallEvent(CallEvent event) {
    // On the core's loop, in order with its media decisions: frames written later are "after".
    if (event instanceof CallEstablished) {
      answered = true;
    }
  }

  public RecordingSink beforeAnswer() {
    return beforeAnswer;
  }

  public RecordingSink afterAnswer() {
    return afterAnswer;
  }

  @Override
  public int sampleRateHz() {
    return ToneSequence.RATE_HZ;
  }

  @Override
  public void write(short[] frame, int sampleCount) {
    (answered ? afterAnswer : beforeAnswer).write(frame, sampleCount);
  }
}
