package org.parley.core.contacts;

import java.util.Objects;

/**
 * An entry of the address book.
 *
 * @param id the store's number for it; 0 before it is stored
 * @param displayName the name shown, e.g. {@code Bob Jones}
 * @param sipUri where to call, e.g. {@code sip:bob@office.example}; empty when unknown
 * @param phoneNumber a telephone number as the user typed it; empty when unknown
 * @param favourite whether it is listed first
 */
public record Contact(
    long id, String displayName, String sipUri, String phoneNumber, boolean favourite) {

  public Contact {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(sipUri, "sipUri");
    Objects.requireNonNull(phoneNumber, "phoneNumber");
  }

  /** A new, non-favourite contact with a SIP URI and no phone number. */
  public static Contact of(String displayName, String sipUri) {
    return new Contact(0, displayName, sipUri, "", false);
  }

  /** The same contact with the id the store gave it. */
  public Contact withId(long storedId) {
    return new Contact(storedId, displayName, sipUri, phoneNumber, favourite);
  }

  public Contact withFavourite(boolean isFavourite) {
    return new Contact(id, displayName, sipUri, phoneNumber, isFavourite);
  }
}
