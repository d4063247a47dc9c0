package org.parley.app.desktop.session;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.call.MediaEncryption;
import org.parley.core.settings.SettingsStore;
import org.parley.media.device.AudioDevice;
import org.parley.media.device.AudioDeviceChoice;

/** The desktop app's preferences, typed, over the profile's settings store. */
public final class DesktopSettings {

  static final String THEME = "ui.theme";
  static final String LANGUAGE = "ui.language";
  static final String CAPTURE = "audio.capture";
  static final String PLAYBACK = "audio.playback";
  static final String RINGER = "audio.ringer";
  static final String CODECS = "audio.codecOrder";
  static final String AWAY_AFTER = "presence.awayAfterMinutes";
  static final String NOTIFICATIONS = "notifications.chat";
  static final String ENCRYPTION_PREFIX = "calls.encryption.";

  /** Minutes without input before an available user shows as away, unless set otherwise. */
  public static final int DEFAULT_AWAY_AFTER_MINUTES = 10;

  /**
   * The looks: light and dark (AtlantaFX Primer themes), and high contrast (black on white with
   * strong borders, for low vision).
   */
  public enum Theme {
    LIGHT,
    DARK,
    HIGH_CONTRAST
  }

  private final SettingsStore store;

  public DesktopSettings(SettingsStore store) {
    this.store = store;
  }

  public Theme theme() {
    String stored = store.getString(THEME, "light");
    return Arrays.stream(Theme.values())
        .filter(theme -> theme.name().toLowerCase(Locale.ROOT).equals(stored))
        .findFirst()
        .orElse(Theme.LIGHT);
  }

  public void setTheme(Theme theme) {
    store.put(THEME, theme.name().toLowerCase(Locale.ROOT));
  }

  /** The chosen language, or the system's when none was chosen. */
  public Locale language(Locale systemDefault) {
    return store.get(LANGUAGE).map(Locale::forLanguageTag).orElse(systemDefault);
  }

  public void setLanguage(Locale language) {
    store.put(LANGUAGE, language.toLanguageTag());
  }

  public AudioDeviceChoice devices() {
    String capture = store.getString(CAPTURE, AudioDevice.SYSTEM_DEFAULT_NAME);
    String playback = store.getString(PLAYBACK, AudioDevice.SYSTEM_DEFAULT_NAME);
    // Until one is chosen the ringer follows the speaker, as it did before it could be chosen.
    String ringer = store.getString(RINGER, playback);
    return new AudioDeviceChoice(capture, playback, ringer);
  }

  /** The device incoming calls ring on. */
  public void setRinger(String ringerName) {
    store.put(RINGER, ringerName);
  }

  public void setDevices(String captureName, String playbackName) {
    store.put(CAPTURE, captureName);
    store.put(PLAYBACK, playbackName);
  }

  /** SDP encoding names, most preferred first; empty means the built-in order. */
  public List<String> codecOrder() {
    String value = store.getString(CODECS, "").strip();
    return value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
  }

  public void setCodecOrder(List<String> encodingNames) {
    store.put(CODECS, String.join(",", encodingNames));
  }

  /** How long without input makes an available user away; empty when turned off (0). */
  public Optional<Duration> awayAfter() {
    String value = store.getString(AWAY_AFTER, Integer.toString(DEFAULT_AWAY_AFTER_MINUTES));
    try {
      int minutes = Integer.parseInt(value.strip());
      return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.of(Duration.ofMinutes(DEFAULT_AWAY_AFTER_MINUTES));
    }
  }

  /** Sets the minutes without input before "away"; 0 turns automatic away off. */
  public void setAwayAfterMinutes(int minutes) {
    if (minutes < 0) {
      throw new IllegalArgumentException("Minutes must not be negative: " + minutes);
    }
    store.put(AWAY_AFTER, Integer.toString(minutes));
  }

  /** The minutes without input before "away"; 0 when automatic away is off. */
  public int awayAfterMinutes() {
    return awayAfter().map(duration -> (int) duration.toMinutes()).orElse(0);
  }

  /**
   * Whether chat messages that arrive unseen show a desktop notification (on unless turned off).
   */
  public boolean notificationsEnabled() {
    return store.getBoolean(NOTIFICATIONS, true);
  }

  public void setNotificationsEnabled(boolean enabled) {
    store.putBoolean(NOTIFICATIONS, enabled);
  }

  /**
   * Whether the stored account {@code accountId}'s calls use SRTP; {@link MediaEncryption#NONE}
   * until chosen, as for the command line's {@code --srtp}.
   */
  public MediaEncryption callEncryption(long accountId) {
    String value = store.getString(ENCRYPTION_PREFIX + accountId, MediaEncryption.NONE.name());
    try {
      return MediaEncryption.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return MediaEncryption.NONE;
    }
  }

  public void setCallEncryption(long accountId, MediaEncryption encryption) {
    store.put(ENCRYPTION_PREFIX + accountId, encryption.name().toLowerCase(Locale.ROOT));
  }
}
