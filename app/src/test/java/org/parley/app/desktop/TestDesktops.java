package org.parley.app.desktop;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.parley.app.desktop.session.CallAudioProvider;
import org.parley.app.desktop.session.MuteSwitch;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.parley.media.audio.AudioSink;
import org.parley.media.source.ToneSource;

/** Desktop apps for the flow tests: English, in a given profile, with tones in place of devices. */
final class TestDesktops {

  /** The sample rate of the test tones and of what the calls hear. */
  static final int RATE_HZ = ToneSequence.RATE_HZ;

  private TestDesktops() {}

  /**
   * An app whose every call plays a steady {@code toneHz} tone and plays what it hears to {@code
   * heard}.
   */
  static DesktopApp playingTone(Path profile, double toneHz, AudioSink heard) {
    CallAudioProvider tones =
        () -> {
          MuteSwitch mute = new MuteSwitch(tone(toneHz));
          return new CallAudioProvider.PreparedAudio(CallMedia.of(mute, heard), mute);
        };
    return new DesktopApp(
        new DesktopApp.Options(profile, Locale.ENGLISH, Optional.of(settings -> tones)));
  }

  /** Media for a headless agent's call: a steady tone out, what comes in recorded. */
  static CallMedia agentMedia(double toneHz) {
    return CallMedia.of(tone(toneHz), new RecordingSink(RATE_HZ));
  }

  /** A steady tone at half scale. */
  static ToneSource tone(double frequencyHz) {
    return new ToneSource(frequencyHz, RATE_HZ, 0.5);
  }
}
