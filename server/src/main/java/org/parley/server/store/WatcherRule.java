package org.parley.server.store;

/** A presentity's standing decision about one watcher (RFC 3856 §6.6 authorisation). */
public enum WatcherRule {
  /** The watcher may see the presentity's state, even when the policy wants approval. */
  ALLOW,
  /** The watcher is refused, and an existing subscription is ended with reason "rejected". */
  BLOCK
}
