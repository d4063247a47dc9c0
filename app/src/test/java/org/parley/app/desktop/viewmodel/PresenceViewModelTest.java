package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.core.contacts.Contact;
import org.parley.core.presence.PresenceStatus;

class PresenceViewModelTest {

  private final List<String> commands = new ArrayList<>();
  private final PresenceViewModel presence =
      new PresenceViewModel(
          new PresenceControl() {
            @Override
            public void setStatus(PresenceStatus status) {
              commands.add("status " + status);
            }

            @Override
            public void watch(String buddyUri) {
              commands.add("watch " + buddyUri);
            }
          },
          Texts.forLocale(Locale.ENGLISH));

  private static Contact contact(String name, String sipUri, String phone) {
    return new Contact(1, name, sipUri, phone, false);
  }

  @Test
  void everyContactWithASipAddressIsWatched() {
    presence.watchAll(
        List.of(
            contact("Bob", "sip:bob@localhost", ""),
            contact("Plumber", "", "+44 20 7946 0000"),
            contact("Carol", "carol@example.com", "")));

    assertThat(commands).containsExactly("watch sip:bob@localhost", "watch sip:carol@example.com");
  }

  @Test
  void choosingAStatusPublishesIt() {
    presence.myStatusProperty().set(PresenceStatus.BUSY);
    presence.myStatusProperty().set(PresenceStatus.OFFLINE);

    assertThat(commands).containsExactly("status BUSY", "status OFFLINE");
  }

  @Test
  void onThePhoneCannotBeChosen() {
    presence.myStatusProperty().set(PresenceStatus.AWAY);
    presence.myStatusProperty().set(PresenceStatus.ON_THE_PHONE);

    assertThat(presence.myStatusProperty().get()).isEqualTo(PresenceStatus.AWAY);
    assertThat(commands).containsExactly("status AWAY");
  }

  @Test
  void aNotifiedStatusIsShownOnTheContactInWords() {
    Contact bob = contact("Bob", "bob@localhost", "");
    assertThat(presence.text(presence.statusOf(bob))).isEqualTo("Status unknown");

    presence.onBuddyStatus("sip:bob@localhost", PresenceStatus.ON_THE_PHONE);

    assertThat(presence.statusOf(bob)).contains(PresenceStatus.ON_THE_PHONE);
    assertThat(presence.text(presence.statusOf(bob))).isEqualTo("On the phone");

    presence.onWatchFailed("sip:bob@localhost");
    assertThat(presence.statusOf(bob)).isEmpty();
  }

  @Test
  void aContactWithoutSipAddressHasNoStatus() {
    presence.onBuddyStatus("sip:@localhost", PresenceStatus.AVAILABLE);

    assertThat(presence.statusOf(contact("Plumber", "", "123"))).isEqualTo(Optional.empty());
  }

  @Test
  void aFailedPublishIsReportedAndClearedByTheNextChoice() {
    presence.onPublishFailed(403, "Forbidden");
    assertThat(presence.errorProperty().get())
        .isEqualTo("Your status could not be published: 403 Forbidden");

    presence.myStatusProperty().set(PresenceStatus.AWAY);
    assertThat(presence.errorProperty().get()).isEmpty();
  }
}
