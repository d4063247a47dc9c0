package org.parley.app.desktop.session;

import java.util.Arrays;
import org.parley.media.audio.AudioSource;

/**
 * Mutes a call by sending silence in place of the microphone's samples. The core has no mute
 * command; silence keeps RTP flowing, so the peer's jitter buffer and the RTCP statistics carry on.
 */
public final class MuteSwitch implements AudioSource {

  private final AudioSource microphone;
  private volatile boolean muted;

  public MuteSwitch(AudioSource microphone) {
    this.microphone = microphone;
  }

  public void setMuted(boolean value) {
    muted = value;
  }

  public boolean muted() {
    return muted;
  }

  @Override
  public int sampleRateHz() {
    return microphone.sampleRateHz();
  }

  @Override
  public int channels() {
    return microphone.channels();
  }

  @Override
  public int read(short[] frame) {
    // The microphone is still read while muted so its buffer does not fill with stale audio.
    int count = microphone.read(frame);
    if (muted) {
      Arrays.fill(frame, (short) 0);
    }
    return count;
  }

  @Override
  public long droppedSamples() {
    return microphone.droppedSamples();
  }

  @Override
  public void close() {
    microphone.close();
  }
}
