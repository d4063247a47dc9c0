package org.parley.media.device;

/**
 * Told when a capture or playback device is lost, so the UI can say so; called on the media thread.
 */
@FunctionalInterface
public interface AudioDeviceListener {

  void deviceLost(DeviceLost event);

  /** A listener that ignores everything. */
  static AudioDeviceListener none() {
    return event -> {};
  }
}
