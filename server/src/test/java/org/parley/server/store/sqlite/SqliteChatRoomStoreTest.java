package org.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.ChatRoom;
import org.parley.server.store.ChatRoomStore;
import org.parley.server.store.StoreException;

class SqliteChatRoomStoreTest {

  @TempDir Path folder;

  @Test
  void roomsAndTheirMembersSurviveReopeningTheDatabase() throws StoreException {
    Path file = folder.resolve("parley.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      database.rooms().add(new ChatRoom("team", List.of("carol", "alice", "bob")));
      database.rooms().add(new ChatRoom("ops", List.of("dave")));
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      assertThat(database.rooms().find("team"))
          .contains(new ChatRoom("team", List.of("alice", "bob", "carol")));
      assertThat(database.rooms().list()).extracting(ChatRoom::name).containsExactly("ops", "team");
    }
  }

  @Test
  void addingAnExistingRoomFailsAndKeepsItsMembers() throws StoreException {
    try (ServerDatabase database = ServerDatabase.open(folder.resolve("parley.db"))) {
      ChatRoomStore rooms = database.rooms();
      rooms.add(new ChatRoom("team", List.of("alice")));

      assertThatThrownBy(() -> rooms.add(new ChatRoom("team", List.of("mallory"))))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("room team already exists");
      assertThat(rooms.find("team").orElseThrow().members()).containsExactly("alice");
    }
  }

  @Test
  void removedRoomIsGoneWithItsMembersAndCanBeAddedAfresh() throws StoreException {
    try (ServerDatabase database = ServerDatabase.open(folder.resolve("parley.db"))) {
      ChatRoomStore rooms = database.rooms();
      rooms.add(new ChatRoom("team", List.of("alice", "bob")));

      assertThat(rooms.remove("team")).isTrue();
      assertThat(rooms.remove("team")).isFalse();
      assertThat(rooms.find("team")).isEmpty();
      rooms.add(new ChatRoom("team", List.of("carol")));
      assertThat(rooms.find("team").orElseThrow().members()).containsExactly("carol");
    }
  }

  @Test
  void repeatedLookupsSeeRoomsChangedByAnotherProcessMeanwhile() throws StoreException {
    Path file = folder.resolve("parley.db");
    try (ServerDatabase server = ServerDatabase.open(file);
        ServerDatabase cli = ServerDatabase.open(file)) {
      ChatRoomStore rooms = server.rooms();
      assertThat(rooms.find("team")).isEmpty();

      cli.rooms().add(new ChatRoom("team", List.of("alice")));
      assertThat(rooms.find("team").orElseThrow().members()).containsExactly("alice");
      assertThat(rooms.find("sales")).isEmpty();

      cli.rooms().remove("team");
      cli.rooms().add(new ChatRoom("team", List.of("bob", "carol")));
      assertThat(rooms.find("team").orElseThrow().members()).containsExactly("bob", "carol");
    }
  }
}
