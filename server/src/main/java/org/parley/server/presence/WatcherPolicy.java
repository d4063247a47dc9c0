package org.parley.server.presence;

import java.util.Locale;
import java.util.Optional;
import org.parley.server.store.StoreException;
import org.parley.server.store.WatcherRule;

/**
 * Decides whether a watcher may see a presentity's state (RFC 3856 §6.6 authorisation): watchers
 * are always this domain's authenticated users; a user's own devices may always watch; a user's
 * "block" rule always refuses; then the mode decides for watchers without a rule.
 */
public final class WatcherPolicy {

  /** Who may watch when the presentity has no rule for the watcher. */
  public enum Mode {
    /** Every user of this domain (the default: colleagues see each other). */
    DOMAIN,
    /** Only watchers the presentity allowed. */
    APPROVED;

    /** The mode named in the configuration ({@code domain} or {@code approved}). */
    public static Optional<Mode> named(String name) {
      for (Mode mode : values()) {
        if (mode.name().toLowerCase(Locale.ROOT).equals(name)) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }
  }

  /** Reads a presentity's rule for a watcher, such as {@code WatcherRuleStore::find}. */
  @FunctionalInterface
  public interface Rules {
    Optional<WatcherRule> find(String presentity, String watcher) throws StoreException;
  }

  private final Mode mode;
  private final Rules rules;

  public WatcherPolicy(Mode mode, Rules rules) {
    this.mode = mode;
    this.rules = rules;
  }

  /** The default: every user of this domain, no rules. */
  public static WatcherPolicy sameDomain() {
    return new WatcherPolicy(Mode.DOMAIN, (presentity, watcher) -> Optional.empty());
  }

  /**
   * Whether {@code watcher} may watch {@code presentity}, both user names of this domain.
   *
   * @throws StoreException when the rules cannot be read
   */
  public boolean allows(String presentity, String watcher) throws StoreException {
    if (presentity.equals(watcher)) {
      return true;
    }
    Optional<WatcherRule> rule = rules.find(presentity, watcher);
    if (rule.isPresent()) {
      return rule.get() == WatcherRule.ALLOW;
    }
    return mode == Mode.DOMAIN;
  }

  public Mode mode() {
    return mode;
  }
}
