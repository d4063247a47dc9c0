package org.parley.app.desktop.viewmodel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.desktop.session.DesktopSettings;
import org.parley.app.desktop.session.DesktopSettings.Theme;
import org.parley.media.device.AudioDevice;
import org.parley.media.device.AudioDeviceChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings that are not accounts: audio devices, codec order, light or dark theme, language,
 * desktop notifications and automatic away. Loading and saving run off the UI thread; the theme and
 * notifications apply at once, the language and automatic away at the next start.
 */
public final class SettingsViewModel {

  /** The languages the app speaks. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

  /** The longest idle time the settings offer before "away": a working day. */
  public static final int MAX_AWAY_AFTER_MINUTES = 480;

  private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

  /** Lists the devices present now (slow: the sound system is asked). */
  public interface DeviceLister {
    List<String> names(AudioDevice.Kind kind);
  }

  private final DesktopSettings settings;
  private final DeviceLister devices;
  private final Supplier<List<String>> codecNames;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;

  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
  private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
  private final ObservableList<String> microphones = FXCollections.observableArrayList();
  private final ObservableList<String> speakers = FXCollections.observableArrayList();
  private final ObjectProperty<String> microphone = new SimpleObjectProperty<>();
  private final ObjectProperty<String> speaker = new SimpleObjectProperty<>();
  private final ObjectProperty<String> ringer = new SimpleObjectProperty<>();
  private final ObservableList<String> codecOrder = FXCollections.observableArrayList();
  private final BooleanProperty notifications = new SimpleBooleanProperty(true);
  private final ObjectProperty<Integer> awayAfterMinutes =
      new SimpleObjectProperty<>(DesktopSettings.DEFAULT_AWAY_AFTER_MINUTES);
  private int loadedAwayAfterMinutes = DesktopSettings.DEFAULT_AWAY_AFTER_MINUTES;
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  public SettingsViewModel(
      DesktopSettings settings,
      DeviceLister devices,
      Supplier<List<String>> codecNames,
      Executor background,
      Executor ui,
      Texts texts,
      Consumer<Theme> themeApplier) {
    this.settings = settings;
    this.devices = devices;
    this.codecNames = codecNames;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    theme.addListener((property, was, now) -> themeApplier.accept(now));
  }

  /** Reads the stored choices and the devices present. */
  public void load() {
    background.execute(
        () -> {
          Theme storedTheme = settings.theme();
          Locale storedLanguage = settings.language(texts.locale());
          AudioDeviceChoice chosen = settings.devices();
          List<String> mics = devices.names(AudioDevice.Kind.CAPTURE);
          List<String> outs = devices.names(AudioDevice.Kind.PLAYBACK);
          List<String> codecs = orderedCodecs(settings.codecOrder());
          boolean storedNotifications = settings.notificationsEnabled();
          int storedAwayMinutes = settings.awayAfterMinutes();
          ui.execute(
              () -> {
                theme.set(storedTheme);
                language.set(supported(storedLanguage));
                microphones.setAll(mics);
                speakers.setAll(outs);
                microphone.set(chosen.captureName());
                speaker.set(chosen.playbackName());
                ringer.set(chosen.ringerName());
                codecOrder.setAll(codecs);
                notifications.set(storedNotifications);
                awayAfterMinutes.set(storedAwayMinutes);
                loadedAwayAfterMinutes = storedAwayMinutes;
              });
        });
  }

  private List<String> orderedCodecs(List<String> stored) {
    List<String> available = codecNames.get();
    List<String> ordered = new java.util.ArrayList<>();
    stored.stream().filter(available::contains).forEach(ordered::add);
    available.stream().filter(name -> !ordered.contains(name)).forEach(ordered::add);
    return ordered;
  }

  private static Locale supported(Locale locale) {
    return LANGUAGES.stream()
        .filter(l -> l.getLanguage().equals(locale.getLanguage()))
        .findFirst()
        .orElse(Locale.ENGLISH);
  }

  /** Moves the codec at {@code index} one place up (more preferred). */
  public void moveCodecUp(int index) {
    if (index > 0 && index < codecOrder.size()) {
      codecOrder.add(index - 1, codecOrder.remove(index));
    }
  }

  /** Moves the codec at {@code index} one place down (less preferred). */
  public void moveCodecDown(int index) {
    if (index >= 0 && index < codecOrder.size() - 1) {
      codecOrder.add(index + 1, codecOrder.remove(index));
    }
  }

  /** Stores every choice; new calls use the devices and codecs from then on. */
  public void save() {
    Theme chosenTheme = theme.get();
    Locale chosenLanguage = language.get();
    String mic = microphone.get() == null ? AudioDevice.SYSTEM_DEFAULT_NAME : microphone.get();
    String out = speaker.get() == null ? AudioDevice.SYSTEM_DEFAULT_NAME : speaker.get();
    String ring = ringer.get() == null ? out : ringer.get();
    List<String> codecs = List.copyOf(codecOrder);
    boolean languageChanged = !chosenLanguage.equals(supported(texts.locale()));
    boolean notify = notifications.get();
    Integer awayMinutes = awayAfterMinutes.get();
    if (awayMinutes == null || awayMinutes < 0 || awayMinutes > MAX_AWAY_AFTER_MINUTES) {
      message.set(texts.text("settings.awayInvalid", MAX_AWAY_AFTER_MINUTES));
      return;
    }
    boolean awayChanged = awayMinutes != loadedAwayAfterMinutes;
    background.execute(
        () -> {
          try {
            settings.setTheme(chosenTheme);
            settings.setLanguage(chosenLanguage);
            settings.setDevices(mic, out);
            settings.setRinger(ring);
            settings.setCodecOrder(codecs);
            settings.setNotificationsEnabled(notify);
            settings.setAwayAfterMinutes(awayMinutes);
            ui.execute(
                () ->
                    message.set(
                        texts.text(
                            languageChanged
                                ? "settings.savedRestart"
                                : awayChanged ? "settings.savedAwayRestart" : "settings.saved")));
          } catch (RuntimeException e) {
            LOG.warn("Settings could not be saved", e);
            ui.execute(() -> message.set(texts.text("settings.saveFailed")));
          }
        });
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public ObjectProperty<Locale> languageProperty() {
    return language;
  }

  public ObservableList<String> microphones() {
    return microphones;
  }

  public ObservableList<String> speakers() {
    return speakers;
  }

  public ObjectProperty<String> microphoneProperty() {
    return microphone;
  }

  public ObjectProperty<String> speakerProperty() {
    return speaker;
  }

  /** The device incoming calls ring on (one of {@link #speakers()}). */
  public ObjectProperty<String> ringerProperty() {
    return ringer;
  }

  public ObservableList<String> codecOrder() {
    return codecOrder;
  }

  /** Whether chat messages that arrive unseen show a desktop notification. */
  public BooleanProperty notificationsProperty() {
    return notifications;
  }

  /**
   * Minutes without keyboard or mouse input before an available user shows as away; 0 turns it off.
   * Boxed for a spinner; {@link #save()} refuses empty and out-of-range values.
   */
  public ObjectProperty<Integer> awayAfterMinutesProperty() {
    return awayAfterMinutes;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
