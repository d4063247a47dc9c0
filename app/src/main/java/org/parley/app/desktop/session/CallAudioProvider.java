package org.parley.app.desktop.session;

import org.parley.core.call.CallMedia;
import org.parley.media.audio.AudioSource;

/** Makes the audio for each new call: the chosen devices and codecs, behind a mute switch. */
@FunctionalInterface
public interface CallAudioProvider {

  /** Fresh media for one call (each call closes its own source and sink). */
  PreparedAudio prepare();

  /**
   * The microphone for a recording (a voicemail greeting) rather than a call: a call's capture
   * drops a backlog to keep the delay down, which in a recording would cut words out.
   */
  default AudioSource recordingMicrophone() {
    PreparedAudio prepared = prepare();
    prepared.media().sink().close();
    return prepared.media().source();
  }

  /** A call's media and the switch that mutes its microphone. */
  record PreparedAudio(CallMedia media, MuteSwitch mute) {}
}
