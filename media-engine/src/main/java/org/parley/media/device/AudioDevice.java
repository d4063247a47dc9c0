package org.parley.media.device;

/**
 * A capture or playback device as the user picks it, named stably by its mixer and the index of the
 * data line within that mixer; or the system default, which follows the operating system's choice
 * each time a line is opened.
 *
 * @param kind capture (microphone) or playback (speaker, ringer)
 * @param mixerName the javax.sound mixer name, empty for the system default
 * @param lineIndex which data line of that kind within the mixer, from 0
 */
public record AudioDevice(Kind kind, String mixerName, int lineIndex) {

  /** The name shown and stored for the system default. */
  public static final String SYSTEM_DEFAULT_NAME = "System default";

  /** Which way audio flows through the device. */
  public enum Kind {
    CAPTURE,
    PLAYBACK
  }

  public AudioDevice {
    if (lineIndex < 0) {
      throw new IllegalArgumentException("line index must not be negative: " + lineIndex);
    }
  }

  /** The device that follows the operating system's default. */
  public static AudioDevice systemDefault(Kind kind) {
    return new AudioDevice(kind, "", 0);
  }

  public boolean isSystemDefault() {
    return mixerName.isEmpty();
  }

  /**
   * The stable name to show and to store in settings: the mixer, plus the line if not the first.
   */
  public String name() {
    if (isSystemDefault()) {
      return SYSTEM_DEFAULT_NAME;
    }
    return lineIndex == 0 ? mixerName : mixerName + " #" + (lineIndex + 1);
  }
}
