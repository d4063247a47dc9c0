package org.parley.app.desktop.session;

import org.parley.core.call.CallMedia;

/** Makes the audio for each new call: the chosen devices and codecs, behind a mute switch. */
@FunctionalInterface
public interface CallAudioProvider {

  /** Fresh media for one call (each call closes its own source and sink). */
  PreparedAudio prepare();

  /** A call's media and the switch that mutes its microphone. */
  record PreparedAudio(CallMedia media, MuteSwitch mute) {}
}
