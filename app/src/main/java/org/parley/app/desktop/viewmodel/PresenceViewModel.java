package org.parley.app.desktop.viewmodel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.parley.core.contacts.Contact;
import org.parley.core.presence.PresenceStatus;

/**
 * Presence as the main window shows it: my status selector and every contact's status, watched for
 * each contact with a SIP address. Events arrive on the UI thread.
 */
public final class PresenceViewModel {

  /** The statuses a user may choose; "on the phone" is set by calls. */
  public static final List<PresenceStatus> CHOICES =
      List.of(
          PresenceStatus.AVAILABLE,
          PresenceStatus.AWAY,
          PresenceStatus.BUSY,
          PresenceStatus.OFFLINE);

  private final PresenceControl control;
  private final Texts texts;
  private final ObjectProperty<PresenceStatus> myStatus =
      new SimpleObjectProperty<>(PresenceStatus.AVAILABLE);
  private final ObservableMap<String, PresenceStatus> buddies = FXCollections.observableHashMap();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private PresenceStatus published = PresenceStatus.AVAILABLE;

  public PresenceViewModel(PresenceControl control, Texts texts) {
    this.control = control;
    this.texts = texts;
    myStatus.addListener(
        (property, was, now) -> {
          if (now == null || !CHOICES.contains(now)) {
            myStatus.set(was); // the selector offers only the choices; anything else is ignored
            return;
          }
          if (now != published) {
            published = now;
            error.set("");
            control.setStatus(now);
          }
        });
  }

  /** Watches every contact with a SIP address (the control ignores ones already watched). */
  public void watchAll(List<Contact> contacts) {
    for (Contact contact : contacts) {
      if (!contact.sipUri().isEmpty()) {
        control.watch(key(contact.sipUri()));
      }
    }
  }

  /** A watched buddy's status as notified. */
  public void onBuddyStatus(String buddyUri, PresenceStatus status) {
    buddies.put(key(buddyUri), status);
  }

  /** Watching a buddy failed: its status is unknown. */
  public void onWatchFailed(String buddyUri) {
    buddies.remove(key(buddyUri));
  }

  /** Publishing my status failed; the selector keeps the choice, which is tried again. */
  public void onPublishFailed(int statusCode, String reason) {
    error.set(texts.text("presence.error.publish", statusCode + " " + reason));
  }

  public void onPublished() {
    error.set("");
  }

  /** The contact's status, empty when it is not known (no SIP address, not yet notified). */
  public Optional<PresenceStatus> statusOf(Contact contact) {
    return contact.sipUri().isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(buddies.get(key(contact.sipUri())));
  }

  /** A status in words, for the selector and for screen readers; empty means unknown. */
  public String text(Optional<PresenceStatus> status) {
    return texts.text(
        status
            .map(s -> "presence." + s.name().toLowerCase(Locale.ROOT))
            .orElse("presence.unknown"));
  }

  // Events carry sip:user@host; a contact stored without the scheme still matches.
  private static String key(String sipUri) {
    String trimmed = sipUri.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    return lower.startsWith("sip:") || lower.startsWith("sips:") ? trimmed : "sip:" + trimmed;
  }

  public ObjectProperty<PresenceStatus> myStatusProperty() {
    return myStatus;
  }

  public ObservableMap<String, PresenceStatus> buddies() {
    return buddies;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
