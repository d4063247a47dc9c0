package org.parley.media.device;

/** An open device line of 16-bit signed little-endian mono PCM. */
public interface AudioLine extends AutoCloseable {

  /** The rate the device actually runs at, which may differ from the call's rate. */
  int sampleRateHz();

  /** Stops and releases the line; never throws, since a failing line is being dropped anyway. */
  @Override
  void close();
}
