package org.parley.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * Who may watch whom: per presentity (a user name), a rule for each named watcher (a user name).
 * Changes made by another process (the {@code parley server watcher} command) are seen at once,
 * because nothing is cached. All methods are thread-safe.
 */
public interface WatcherRuleStore {

  /** The rule {@code presentity} has for {@code watcher}, if any. */
  Optional<WatcherRule> find(String presentity, String watcher) throws StoreException;

  /** Sets (or replaces) the rule {@code presentity} has for {@code watcher}. */
  void set(String presentity, String watcher, WatcherRule rule) throws StoreException;

  /** Removes the rule; false when there was none. */
  boolean remove(String presentity, String watcher) throws StoreException;

  /** Every rule of {@code presentity}, by watcher name, sorted. */
  Map<String, WatcherRule> list(String presentity) throws StoreException;
}
