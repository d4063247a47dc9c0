package org.parley.core.voicemail;

/** Receives an account's voicemail events on the core's loop. */
@FunctionalInterface
public interface VoicemailListener {
  void onVoicemailEvent(VoicemailEvent event);
}
