package org.parley.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The server's users and their digest credentials; changes made by another process (the {@code
 * parley server user} command) are seen at once by {@link #findCurrent} and {@link #list}, and
 * within a second by {@link #find}. All methods are thread-safe.
 */
public interface UserStore {

  /**
   * Adds a new user.
   *
   * @throws StoreException also when a user with that name exists (message says so)
   */
  void add(User user) throws StoreException;

  /** Replaces the user's digests; false when there is no such user. */
  boolean update(User user) throws StoreException;

  /** Removes the user; false when there is no such user. */
  boolean remove(String name) throws StoreException;

  /**
   * The user with exactly this name: user names are case-sensitive. A user found may be up to a
   * second old (removed or changed since by another process); a name not found is always checked.
   */
  Optional<User> find(String name) throws StoreException;

  /** As {@link #find}, but never older than the last change: for a digest that did not match. */
  default Optional<User> findCurrent(String name) throws StoreException {
    return find(name);
  }

  /** Every user, sorted by name. */
  List<User> list() throws StoreException;
}
