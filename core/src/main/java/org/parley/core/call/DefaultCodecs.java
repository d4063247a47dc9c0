package org.parley.core.call;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;
import org.parley.media.codec.AudioCodec;
import org.parley.media.ffmpeg.FfmpegCodecs;

/**
 * The default codec list of a {@link CallPolicy}, made on its first use: making it loads FFmpeg's
 * native libraries (hundreds of milliseconds, tens of MB), which an account does not need to
 * register, only to judge its first offer.
 */
final class DefaultCodecs extends AbstractList<AudioCodec> implements RandomAccess {

  private static final DefaultCodecs SHARED =
      new DefaultCodecs(() -> FfmpegCodecs.defaultRegistry().all());

  private final Supplier<List<AudioCodec>> maker;
  private volatile List<AudioCodec> made;

  DefaultCodecs(Supplier<List<AudioCodec>> maker) {
    this.maker = maker;
  }

  /** The one list every default policy shares, so the natives are probed once. */
  static DefaultCodecs shared() {
    return SHARED;
  }

  /** Whether the list was made already (its natives loaded or found missing). */
  boolean isMade() {
    return made != null;
  }

  @Override
  public AudioCodec get(int index) {
    return codecs().get(index);
  }

  @Override
  public int size() {
    return codecs().size();
  }

  private List<AudioCodec> codecs() {
    List<AudioCodec> current = made;
    if (current == null) {
      synchronized (this) {
        current = made;
        if (current == null) {
          current = List.copyOf(maker.get());
          if (current.isEmpty()) {
            throw new IllegalStateException("The default codec list is empty");
          }
          made = current;
        }
      }
    }
    return current;
  }
}
