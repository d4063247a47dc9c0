package org.parley.app.desktop.session;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

  /** The light and dark looks (AtlantaFX Primer themes). */
  public enum Theme {
    LIGHT,
    DARK
  }

  private final SettingsStore store;

  public DesktopSettings(SettingsStore store) {
    this.store = store;
  }

  public Theme theme() {
    return "dark".equals(store.getString(THEME, "light")) ? Theme.DARK : Theme.LIGHT;
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
}
