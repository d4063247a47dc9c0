package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.os.notifications.DesktopNotification;
import org.parley.os.notifications.DesktopNotification.Kind;
import org.parley.os.notifications.DesktopNotifier;

class DesktopAlertsTest {

  @TempDir Path profile;
  private ProfileDatabase database;
  private DesktopSettings settings;
  private final List<DesktopNotification> shown = new ArrayList<>();
  private final DesktopNotifier recording =
      new DesktopNotifier() {
        @Override
        public void show(DesktopNotification notification) {
          shown.add(notification);
        }

        @Override
        public void onActivated(Consumer<DesktopNotification> handler) {}

        @Override
        public String description() {
          return "recording";
        }

        @Override
        public void close() {}
      };

  @BeforeEach
  void open() {
    database = ProfileDatabase.open(profile);
    settings = new DesktopSettings(database.settings());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anUnseenMessageBecomesANotificationTaggedWithItsConversation() {
    alerts().messageArrived("sip:bob@example.com", "Bob Builder", "lunch?");

    assertThat(shown)
        .containsExactly(
            new DesktopNotification(
                Kind.CHAT_MESSAGE, "Bob Builder", "lunch?", "sip:bob@example.com"));
  }

  @Test
  void aMissedCallIsAnnouncedInTheUsersLanguage() {
    new DesktopAlerts(recording, settings, Runnable::run, Texts.forLocale(Locale.GERMAN))
        .missedCall("Bob");

    assertThat(shown)
        .containsExactly(
            new DesktopNotification(Kind.MISSED_CALL, "Verpasster Anruf", "Bob", "Bob"));
  }

  @Test
  void nothingIsShownOnceNotificationsAreTurnedOff() {
    DesktopAlerts alerts = alerts();
    settings.setNotificationsEnabled(false);

    alerts.messageArrived("sip:bob@example.com", "Bob Builder", "lunch?");
    alerts.missedCall("Bob");

    assertThat(shown).isEmpty();
  }

  private DesktopAlerts alerts() {
    return new DesktopAlerts(recording, settings, Runnable::run, Texts.forLocale(Locale.ENGLISH));
  }
}
