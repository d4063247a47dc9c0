package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.media.source.ToneSource;

class MuteSwitchTest {

  @Test
  void mutedFramesAreSilentAndTheMicrophoneKeepsBeingRead() {
    ToneSource tone = new ToneSource(1000, 8000, 0.5);
    MuteSwitch mute = new MuteSwitch(tone);
    short[] frame = new short[160];

    mute.read(frame);
    assertThat(peak(frame)).isGreaterThan(10_000);

    mute.setMuted(true);
    assertThat(mute.read(frame)).isEqualTo(160);
    assertThat(peak(frame)).isZero();

    mute.setMuted(false);
    short[] reference = new short[160];
    ToneSource same = new ToneSource(1000, 8000, 0.5);
    for (int i = 0; i < 3; i++) {
      same.read(reference);
    }
    mute.read(frame);
    // The tone's third frame: the muted second one was taken from the microphone, not left there.
    assertThat(frame).containsExactly(reference);
  }

  private static int peak(short[] frame) {
    int peak = 0;
    for (short sample : frame) {
      peak = Math.max(peak, Math.abs(sample));
    }
    return peak;
  }
}
