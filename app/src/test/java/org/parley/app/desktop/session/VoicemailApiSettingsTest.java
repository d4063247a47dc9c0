package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.store.sqlite.ProfileDatabase;

class VoicemailApiSettingsTest {

  private static final String ALICE = "sip:alice@office.example";

  @TempDir Path profile;

  @Test
  void anAddressIsKeptPerAccountAcrossRestarts() {
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      new VoicemailApiSettings(database.settings())
          .setAddress(ALICE, Optional.of(URI.create("https://pbx.office.example:8081")));
    }

    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      VoicemailApiSettings settings = new VoicemailApiSettings(database.settings());
      assertThat(settings.address(ALICE)).hasValue(URI.create("https://pbx.office.example:8081/"));
      assertThat(settings.address("sip:bob@office.example")).isEmpty();
    }
  }

  @Test
  void emptyForgetsTheAddress() {
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      VoicemailApiSettings settings = new VoicemailApiSettings(database.settings());
      settings.setAddress(ALICE, Optional.of(URI.create("https://pbx.office.example/")));

      settings.setAddress(ALICE, Optional.empty());

      assertThat(settings.address(ALICE)).isEmpty();
      assertThat(database.settings().get(VoicemailApiSettings.PREFIX + ALICE)).isEmpty();
    }
  }

  @Test
  void aStoredPlainHttpAddressToAnotherMachineIsIgnored() {
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      database.settings().put(VoicemailApiSettings.PREFIX + ALICE, "http://192.0.2.7:8080/");

      assertThat(new VoicemailApiSettings(database.settings()).address(ALICE)).isEmpty();
    }
  }
}
