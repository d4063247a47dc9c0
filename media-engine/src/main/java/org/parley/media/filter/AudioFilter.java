package org.parley.media.filter;

/**
 * One stage between an audio source and the encoder (or the decoder and the sink): gain control,
 * noise suppression, metering. It works on 16-bit mono PCM frames in place.
 */
public interface AudioFilter {

  /** Processes {@code frame[0..sampleCount)} in place; an observer leaves it unchanged. */
  void process(short[] frame, int sampleCount);

  /** Forgets what was learnt from earlier frames, e.g. when a new call starts. */
  default void reset() {}
}
