package org.parley.core.voicemail;

import java.util.Arrays;
import org.parley.media.audio.AudioSource;

/** Sends silence until opened, then what {@code inner} plays: a caller who waits for the beep. */
final class GatedSource implements AudioSource {

  private final AudioSource inner;
  private volatile boolean open;

  GatedSource(AudioSource inner) {
    this.inner = inner;
  }

  void open() {
    open = true;
  }

  @Override
  public int sampleRateHz() {
    return inner.sampleRateHz();
  }

  @Override
  public int read(short[] frame) {
    if (open) {
      return inner.read(frame);
    }
    Arrays.fill(frame, (short) 0);
    return frame.length;
  }

  @Override
  public void close() {
    inner.close();
  }
}
