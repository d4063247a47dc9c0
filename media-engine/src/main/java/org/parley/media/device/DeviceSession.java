package org.parley.media.device;

import javax.sound.sampled.LineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one line open on the chosen device and, when it fails or cannot be opened, moves to the
 * system default, tells the listener once, and retries now and then while nothing works.
 */
final class DeviceSession<L extends AudioLine> {

  /** Opens a line of one kind. */
  interface Opener<L> {
    L open(AudioDevice device, int sampleRateHz) throws LineUnavailableException;
  }

  /** The rate nearly every device supports, used when the call's rate is refused. */
  static final int DEVICE_FALLBACK_RATE_HZ = 48_000;

  /** While no device opens, try again after this many frames (about a second at 20 ms). */
  static final int RETRY_EVERY_FRAMES = 50;

  private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);

  private final Opener<L> opener;
  private final int sampleRateHz;
  private final AudioDeviceListener listener;
  private AudioDevice current;
  private L line;
  private int framesUntilRetry;
  private boolean unavailableReported;

  DeviceSession(
      Opener<L> opener, AudioDevice device, int sampleRateHz, AudioDeviceListener listener) {
    this.opener = opener;
    this.current = device;
    this.sampleRateHz = sampleRateHz;
    this.listener = listener;
  }

  /** The open line, opening one if needed; null while no device can be opened. */
  L line() {
    if (line != null) {
      return line;
    }
    if (framesUntilRetry > 0) {
      framesUntilRetry--;
      return null;
    }
    String failure = tryOpen(current);
    if (line == null && !current.isSystemDefault()) {
      moveToDefault(failure);
      failure = tryOpen(current);
    }
    if (line == null) {
      framesUntilRetry = RETRY_EVERY_FRAMES;
      if (!unavailableReported) {
        unavailableReported = true;
        listener.deviceLost(new DeviceLost(current, current, failure));
      }
    } else {
      unavailableReported = false;
    }
    return line;
  }

  /** The open line failed mid-stream: drop it and continue on the system default. */
  void failed(Exception cause) {
    closeLine();
    String reason = String.valueOf(cause.getMessage());
    if (current.isSystemDefault()) {
      LOG.warn("The system default audio device failed: {}", reason);
      listener.deviceLost(new DeviceLost(current, current, reason));
      unavailableReported = true;
    } else {
      moveToDefault(reason);
    }
  }

  AudioDevice currentDevice() {
    return current;
  }

  void close() {
    closeLine();
  }

  private void moveToDefault(String reason) {
    AudioDevice lost = current;
    current = AudioDevice.systemDefault(lost.kind());
    LOG.warn("Audio device '{}' unavailable ({}); using the system default", lost.name(), reason);
    listener.deviceLost(new DeviceLost(lost, current, reason));
    unavailableReported = true;
  }

  /** Tries the call's rate, then the common device rate; returns why it failed, or null. */
  private String tryOpen(AudioDevice device) {
    try {
      line = opener.open(device, sampleRateHz);
      return null;
    } catch (LineUnavailableException first) {
      if (sampleRateHz >= DEVICE_FALLBACK_RATE_HZ) {
        return first.getMessage();
      }
      try {
        line = opener.open(device, DEVICE_FALLBACK_RATE_HZ);
        LOG.info(
            "Audio device '{}' runs at {} Hz; converting", device.name(), DEVICE_FALLBACK_RATE_HZ);
        return null;
      } catch (LineUnavailableException second) {
        return second.getMessage();
      }
    }
  }

  private void closeLine() {
    if (line != null) {
      line.close();
      line = null;
    }
  }
}
