package org.parley.server.store;

import java.util.List;
import java.util.Objects;

/**
 * A group chat room: its name is the user part of its URI, and its members are user names.
 *
 * @param name the room's name, unique among rooms and users
 * @param members the members' user names, sorted
 */
public record ChatRoom(String name, List<String> members) {

  public ChatRoom {
    Objects.requireNonNull(name, "name");
    members = members.stream().sorted().distinct().toList();
  }
}
