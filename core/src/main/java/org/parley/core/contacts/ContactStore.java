package org.parley.core.contacts;

import java.util.List;

/**
 * The local address book. Thread-safe; failures are {@link org.parley.core.store.StoreException}s.
 */
public interface ContactStore {

  /** Stores a new contact (its id is ignored) and returns it with its id. */
  Contact add(Contact contact);

  /**
   * Replaces the stored contact with the same id.
   *
   * @throws org.parley.core.store.StoreException when there is none
   */
  void update(Contact contact);

  /** Forgets the contact; returns whether there was one with that id. */
  boolean delete(long id);

  /**
   * The contacts whose name or SIP URI contains {@code text}, ignoring case (all of them for an
   * empty text): favourites first, then by name.
   */
  List<Contact> search(String text);

  /** Every contact: favourites first, then by name. */
  default List<Contact> all() {
    return search("");
  }
}
