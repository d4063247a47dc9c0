package org.parley.media.device;

/**
 * The user's device choice by stable name: microphone, speaker, and a separate ringer so an
 * incoming call can ring on loudspeakers while the call itself stays on a headset.
 *
 * @param captureName the microphone's {@link AudioDevice#name()}
 * @param playbackName the speaker's name
 * @param ringerName the ringer's name
 */
public record AudioDeviceChoice(String captureName, String playbackName, String ringerName) {

  /** Everything on the system default. */
  public static AudioDeviceChoice systemDefaults() {
    return new AudioDeviceChoice(
        AudioDevice.SYSTEM_DEFAULT_NAME,
        AudioDevice.SYSTEM_DEFAULT_NAME,
        AudioDevice.SYSTEM_DEFAULT_NAME);
  }
}
