package org.parley.server.sip.jainsip;

import java.util.List;
import java.util.Optional;
import org.parley.server.store.StoreException;

/** The members (user names) of the group chat room with a given name, if there is such a room. */
@FunctionalInterface
public interface ChatRooms {

  /** No rooms at all: every name is left to the user lookup. */
  ChatRooms NONE = name -> Optional.empty();

  Optional<List<String>> members(String roomName) throws StoreException;
}
