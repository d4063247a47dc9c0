package org.parley.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.settings.SettingsStore;

class SqliteSettingsStoreTest extends ProfileDatabaseFixture {

  private SettingsStore settings;

  @BeforeEach
  void stores() {
    settings = database.settings();
  }

  private SettingsStore reopened() {
    return reopen().settings();
  }

  @Test
  void valuesSurviveClosingAndReopening() {
    settings.put("audio.input", "USB Headset — Mic ✓");
    settings.putInt("audio.ring.volume", -7);
    settings.putBoolean("ui.start.minimised", true);
    settings.put("empty", "");

    SettingsStore read = reopened();

    assertThat(read.get("audio.input")).contains("USB Headset — Mic ✓");
    assertThat(read.getInt("audio.ring.volume", 50)).isEqualTo(-7);
    assertThat(read.getBoolean("ui.start.minimised", false)).isTrue();
    assertThat(read.get("empty")).contains("");
  }

  @Test
  void putReplacesAndRemoveForgets() {
    settings.put("theme", "light");
    settings.put("theme", "dark");
    assertThat(settings.get("theme")).contains("dark");

    settings.remove("theme");
    settings.remove("theme");

    assertThat(settings.get("theme")).isEmpty();
    assertThat(reopened().getString("theme", "system")).isEqualTo("system");
  }

  @Test
  void typedGettersFallBackToTheDefaultForAbsentOrMalformedValues() {
    settings.put("port", "50x0");
    settings.put("flag", "yes");
    settings.put("spaced", " 42 ");
    settings.put("shouting", "FALSE");

    assertThat(settings.getInt("missing", 5060)).isEqualTo(5060);
    assertThat(settings.getInt("port", 5060)).isEqualTo(5060);
    assertThat(settings.getInt("spaced", 0)).isEqualTo(42);
    assertThat(settings.getBoolean("missing", true)).isTrue();
    assertThat(settings.getBoolean("flag", true)).isTrue();
    assertThat(settings.getBoolean("flag", false)).isFalse();
    assertThat(settings.getBoolean("shouting", true)).isFalse();
  }
}
