package org.parley.server;

import java.util.Map;
import org.parley.server.store.StoreException;
import org.parley.server.store.UserStore;
import org.parley.server.store.WatcherRule;
import org.parley.server.store.WatcherRuleStore;

/**
 * Sets who may watch a user's presence (see {@code presence.watchers}): a rule per user and
 * watcher, both existing users. Safe while the server runs: it reads the rules at every SUBSCRIBE
 * and NOTIFY, and ends a running subscription that a new "block" rule forbids.
 */
public final class WatcherAdministration {

  private final WatcherRuleStore rules;
  private final UserStore users;

  public WatcherAdministration(WatcherRuleStore rules, UserStore users) {
    this.rules = rules;
    this.users = users;
  }

  /**
   * Sets {@code user}'s rule for {@code watcher}.
   *
   * @throws IllegalArgumentException when either is no user, or they are the same user
   */
  public void set(String user, String watcher, WatcherRule rule) throws StoreException {
    checkUser(user);
    checkUser(watcher);
    if (user.equals(watcher)) {
      throw new IllegalArgumentException("A user always sees their own presence");
    }
    rules.set(user, watcher, rule);
  }

  /**
   * Removes {@code user}'s rule for {@code watcher}; the policy's default applies again.
   *
   * @throws IllegalArgumentException when there is no such rule
   */
  public void remove(String user, String watcher) throws StoreException {
    if (!rules.remove(user, watcher)) {
      throw new IllegalArgumentException(
          "'" + user + "' has no rule for '" + watcher + "' (see: watcher list " + user + ")");
    }
  }

  /** {@code user}'s rules, by watcher, sorted. */
  public Map<String, WatcherRule> list(String user) throws StoreException {
    checkUser(user);
    return rules.list(user);
  }

  private void checkUser(String name) throws StoreException {
    if (users.find(name).isEmpty()) {
      throw new IllegalArgumentException("There is no user '" + name + "'");
    }
  }
}
