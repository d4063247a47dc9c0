package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.DesktopSettings;
import org.parley.app.desktop.session.DesktopSettings.Theme;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.media.device.AudioDevice;

class SettingsViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  @TempDir Path profile;

  private ProfileDatabase database;
  private DesktopSettings settings;
  private final List<Theme> applied = new ArrayList<>();
  private SettingsViewModel view;

  @BeforeEach
  void open() {
    database = ProfileDatabase.open(profile);
    settings = new DesktopSettings(database.settings());
    view =
        new SettingsViewModel(
            settings,
            kind ->
                kind == AudioDevice.Kind.CAPTURE
                    ? List.of(AudioDevice.SYSTEM_DEFAULT_NAME, "USB headset mic")
                    : List.of(AudioDevice.SYSTEM_DEFAULT_NAME, "USB headset"),
            () -> List.of("opus", "G722", "PCMU", "PCMA"),
            DIRECT,
            DIRECT,
            Texts.forLocale(Locale.ENGLISH),
            applied::add);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void loadsDefaultsAndThePresentDevices() {
    view.load();

    assertThat(view.themeProperty().get()).isEqualTo(Theme.LIGHT);
    assertThat(view.languageProperty().get()).isEqualTo(Locale.ENGLISH);
    assertThat(view.microphones()).containsExactly("System default", "USB headset mic");
    assertThat(view.microphoneProperty().get()).isEqualTo("System default");
    assertThat(view.ringerProperty().get()).isEqualTo("System default");
    assertThat(view.codecOrder()).containsExactly("opus", "G722", "PCMU", "PCMA");
  }

  @Test
  void savedChoicesAreStoredAndReadBack() {
    view.load();
    view.themeProperty().set(Theme.DARK);
    view.languageProperty().set(Locale.GERMAN);
    view.microphoneProperty().set("USB headset mic");
    view.speakerProperty().set("USB headset");
    view.ringerProperty().set("Loudspeaker");
    view.moveCodecDown(0);
    view.moveCodecUp(3);

    view.save();

    assertThat(applied).containsExactly(Theme.DARK);
    assertThat(view.messageProperty().get())
        .isEqualTo("Settings saved. The language changes when you start Parley again.");
    assertThat(settings.theme()).isEqualTo(Theme.DARK);
    assertThat(settings.language(Locale.ENGLISH)).isEqualTo(Locale.GERMAN);
    assertThat(settings.devices().captureName()).isEqualTo("USB headset mic");
    assertThat(settings.devices().playbackName()).isEqualTo("USB headset");
    assertThat(settings.devices().ringerName()).isEqualTo("Loudspeaker");
    assertThat(settings.codecOrder()).containsExactly("G722", "opus", "PCMA", "PCMU");
  }

  @Test
  void highContrastIsAppliedAtOnceAndReadBackAfterSaving() {
    view.load();
    view.themeProperty().set(Theme.HIGH_CONTRAST);
    view.save();

    assertThat(applied).containsExactly(Theme.HIGH_CONTRAST);
    assertThat(new DesktopSettings(database.settings()).theme()).isEqualTo(Theme.HIGH_CONTRAST);
  }

  @Test
  void anUnknownStoredThemeFallsBackToLight() {
    database.settings().put("ui.theme", "sepia");

    assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
  }

  @Test
  void storedCodecOrderKeepsCodecsItDoesNotName() {
    settings.setCodecOrder(List.of("PCMA", "gone-codec"));

    view.load();

    assertThat(view.codecOrder()).containsExactly("PCMA", "opus", "G722", "PCMU");
  }

  @Test
  void movesPastTheEndsDoNothing() {
    view.load();
    view.moveCodecUp(0);
    view.moveCodecDown(3);
    view.moveCodecUp(7);

    assertThat(view.codecOrder()).containsExactly("opus", "G722", "PCMU", "PCMA");
  }

  @Test
  void notificationsAreOnAndAwayIsTenMinutesUntilChanged() {
    view.load();

    assertThat(view.notificationsProperty().get()).isTrue();
    assertThat(view.awayAfterMinutesProperty().get()).isEqualTo(10);
  }

  @Test
  void notificationsAndAwayMinutesAreStoredAndReadBack() {
    view.load();
    view.notificationsProperty().set(false);
    view.awayAfterMinutesProperty().set(0);

    view.save();

    assertThat(view.messageProperty().get())
        .isEqualTo("Settings saved. The new away time applies when you start Parley again.");
    assertThat(settings.notificationsEnabled()).isFalse();
    assertThat(settings.awayAfter()).isEmpty();
    SettingsViewModel reopened =
        new SettingsViewModel(
            settings,
            kind -> List.of(),
            List::of,
            DIRECT,
            DIRECT,
            Texts.forLocale(Locale.ENGLISH),
            applied::add);
    reopened.load();
    assertThat(reopened.notificationsProperty().get()).isFalse();
    assertThat(reopened.awayAfterMinutesProperty().get()).isZero();
  }

  @Test
  void awayMinutesOutOfRangeAreRefusedAndNothingIsStored() {
    view.load();
    view.notificationsProperty().set(false);
    view.awayAfterMinutesProperty().set(SettingsViewModel.MAX_AWAY_AFTER_MINUTES + 1);

    view.save();

    assertThat(view.messageProperty().get())
        .isEqualTo("Enter the minutes before away as a whole number from 0 (never) to 480.");
    assertThat(settings.notificationsEnabled()).isTrue();
    assertThat(settings.awayAfterMinutes()).isEqualTo(10);

    view.awayAfterMinutesProperty().set(null);
    view.save();
    assertThat(settings.notificationsEnabled()).isTrue();
  }
}
