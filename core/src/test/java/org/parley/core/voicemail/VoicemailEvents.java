package org.parley.core.voicemail;

import org.parley.core.testing.EventQueue;

/** Collects an account's voicemail events so a test can wait for the one it expects. */
final class VoicemailEvents extends EventQueue<VoicemailEvent> implements VoicemailListener {

  @Override
  public void onVoicemailEvent(VoicemailEvent event) {
    collect(event);
  }

  /** The counts of the next summary, as {@code new/old}. */
  String nextSummary() throws InterruptedException {
    return next(VoicemailEvent.MessagesWaitingChanged.class).summary().toString();
  }
}
