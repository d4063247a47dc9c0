package org.parley.server.presence;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The calls the proxy sees, per user, as the dialog event package (RFC 4235) shows them: what a
 * desk phone's busy lamp field (BLF) or a colleague's client displays. Thread-safe.
 */
public final class DialogBoard {

  /** RFC 4235 §3.7.1 states (the proxy does not see "proceeding" apart from "early"). */
  public enum State {
    TRYING,
    EARLY,
    CONFIRMED,
    TERMINATED;

    String xml() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private record Entry(String callId, boolean initiator, State state) {}

  private final Map<String, Map<String, Entry>> byUser = new ConcurrentHashMap<>();

  /**
   * The users that have an entry for each Call-ID, so that a BYE finds them directly: scanning
   * every user who ever had a call was 13.7 % of the proxy's samples at 300 calls/s with 2,000
   * users (docs/benchmarks.md), and grew with the number of users.
   */
  private final Map<String, Set<String>> usersByCallId = new ConcurrentHashMap<>();

  private final Consumer<String> changed;

  /**
   * @param changed told the address-of-record whose calls changed, synchronously: a terminated call
   *     is shown in the documents built during that call and then forgotten
   */
  public DialogBoard(Consumer<String> changed) {
    this.changed = changed;
  }

  /** A call of {@code aor} moved to {@code state}; a state never goes back. */
  public void update(String aor, String callId, boolean initiator, State state) {
    Map<String, Entry> calls = byUser.computeIfAbsent(aor, key -> new ConcurrentHashMap<>());
    synchronized (calls) {
      Entry current = calls.get(callId);
      if (current != null && current.state().ordinal() >= state.ordinal()) {
        return;
      }
      if (current == null && state == State.TERMINATED) {
        return;
      }
      if (current == null) {
        // Changed only inside compute: a set that another thread is emptying and removing
        // cannot be added to after it has left the map.
        usersByCallId.compute(
            callId,
            (key, users) -> {
              Set<String> joined = users != null ? users : ConcurrentHashMap.newKeySet();
              joined.add(aor);
              return joined;
            });
      }
      calls.put(callId, new Entry(callId, initiator, state));
    }
    changed.accept(aor);
    if (state == State.TERMINATED) {
      synchronized (calls) {
        calls.remove(callId);
      }
      usersByCallId.computeIfPresent(
          callId, (key, users) -> users.remove(aor) && users.isEmpty() ? null : users);
    }
  }

  /** Every user's call with this Call-ID is over (a BYE went through). */
  public void ended(String callId) {
    Set<String> users = usersByCallId.get(callId);
    if (users == null) {
      return;
    }
    for (String aor : List.copyOf(users)) {
      Entry entry = byUser.getOrDefault(aor, Map.of()).get(callId);
      if (entry != null) {
        update(aor, callId, entry.initiator(), State.TERMINATED);
      }
    }
  }

  /** How many calls the board holds, over all users (for tests: ended calls are forgotten). */
  int callCount() {
    return usersByCallId.size();
  }

  /** The full dialog-info document for {@code aor}. */
  public byte[] document(String aor, long version) {
    Map<String, Entry> calls = new LinkedHashMap<>(byUser.getOrDefault(aor, Map.of()));
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"")
            .append(version)
            .append("\" state=\"full\" entity=\"")
            .append(XmlText.escape(aor))
            .append("\">\n");
    for (Entry entry : calls.values()) {
      xml.append("  <dialog id=\"")
          .append(Integer.toHexString(entry.callId().hashCode()))
          .append("\" call-id=\"")
          .append(XmlText.escape(entry.callId()))
          .append("\" direction=\"")
          .append(entry.initiator() ? "initiator" : "recipient")
          .append("\"><state>")
          .append(entry.state().xml())
          .append("</state></dialog>\n");
    }
    return xml.append("</dialog-info>\n").toString().getBytes(StandardCharsets.UTF_8);
  }
}
