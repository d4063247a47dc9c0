package org.parley.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The server's group chat rooms; changes made by another process (the {@code parley server room}
 * command) are seen at once, because nothing is cached. All methods are thread-safe.
 */
public interface ChatRoomStore {

  /**
   * Adds a new room with its members.
   *
   * @throws StoreException also when a room with that name exists (message says so)
   */
  void add(ChatRoom room) throws StoreException;

  /** Removes the room and its member list; false when there is no such room. */
  boolean remove(String name) throws StoreException;

  /** The room with exactly this name. */
  Optional<ChatRoom> find(String name) throws StoreException;

  /** Every room, sorted by name. */
  List<ChatRoom> list() throws StoreException;
}
