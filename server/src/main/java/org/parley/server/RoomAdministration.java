package org.parley.server;

import java.util.List;
import org.parley.server.store.ChatRoom;
import org.parley.server.store.ChatRoomStore;
import org.parley.server.store.StoreException;
import org.parley.server.store.UserStore;

/**
 * Adds, lists and removes group chat rooms. A room's name is the user part of its URI, so it must
 * be a valid user name that no user has; its members must be existing users. Safe to use while the
 * server runs: the server reads rooms on every message.
 */
public final class RoomAdministration {

  private final ChatRoomStore rooms;
  private final UserStore users;

  public RoomAdministration(ChatRoomStore rooms, UserStore users) {
    this.rooms = rooms;
    this.users = users;
  }

  /**
   * Adds a room.
   *
   * @throws IllegalArgumentException when the name is invalid or taken by a user, a member is no
   *     user, or there is no member
   */
  public void add(String name, List<String> members) throws StoreException {
    UserAdministration.checkName(name);
    if (users.findCurrent(name).isPresent()) {
      throw new IllegalArgumentException("'" + name + "' is a user; a room needs its own name");
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException("A room needs at least one member (--member NAME)");
    }
    for (String member : members) {
      if (users.findCurrent(member).isEmpty()) {
        throw new IllegalArgumentException("There is no user '" + member + "'");
      }
    }
    rooms.add(new ChatRoom(name, members));
  }

  /**
   * The members of a room, sorted.
   *
   * @throws IllegalArgumentException when there is no such room
   */
  public List<String> members(String name) throws StoreException {
    return rooms
        .find(name)
        .orElseThrow(() -> new IllegalArgumentException("There is no room '" + name + "'"))
        .members();
  }

  /**
   * Removes a room.
   *
   * @throws IllegalArgumentException when there is no such room
   */
  public void remove(String name) throws StoreException {
    if (!rooms.remove(name)) {
      throw new IllegalArgumentException("There is no room '" + name + "'");
    }
  }

  /** Every room, sorted by name. */
  public List<ChatRoom> list() throws StoreException {
    return rooms.list();
  }
}
