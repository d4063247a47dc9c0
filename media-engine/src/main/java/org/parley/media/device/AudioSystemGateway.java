package org.parley.media.device;

import java.util.List;
import javax.sound.sampled.LineUnavailableException;

/**
 * The operating system's audio devices as Parley needs them: the javax.sound boundary, so device
 * choice and fallback can be tested on machines without a sound card.
 */
public interface AudioSystemGateway {

  /** The devices of one kind present now, in the system's order, without the system default. */
  List<AudioDevice> devices(AudioDevice.Kind kind);

  /**
   * Opens and starts a mono 16-bit capture line.
   *
   * @throws LineUnavailableException if the device is gone, busy, or cannot run at that rate
   */
  CaptureLine openCapture(AudioDevice device, int sampleRateHz) throws LineUnavailableException;

  /**
   * Opens and starts a mono 16-bit playback line.
   *
   * @throws LineUnavailableException if the device is gone, busy, or cannot run at that rate
   */
  PlaybackLine openPlayback(AudioDevice device, int sampleRateHz) throws LineUnavailableException;

  /**
   * Opens and starts a mono 16-bit capture line holding about {@code bufferMillis} of audio. A
   * gateway that cannot size its lines opens them as {@link #openCapture(AudioDevice, int)} does.
   *
   * @throws LineUnavailableException if the device is gone, busy, or cannot run at that rate
   */
  default CaptureLine openCapture(AudioDevice device, int sampleRateHz, int bufferMillis)
      throws LineUnavailableException {
    return openCapture(device, sampleRateHz);
  }

  /**
   * Opens and starts a mono 16-bit playback line holding about {@code bufferMillis} of audio. A
   * gateway that cannot size its lines opens them as {@link #openPlayback(AudioDevice, int)} does.
   *
   * @throws LineUnavailableException if the device is gone, busy, or cannot run at that rate
   */
  default PlaybackLine openPlayback(AudioDevice device, int sampleRateHz, int bufferMillis)
      throws LineUnavailableException {
    return openPlayback(device, sampleRateHz);
  }
}
