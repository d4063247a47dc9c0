package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.ChatRoom;
import org.parley.server.store.StoreException;
import org.parley.server.store.sqlite.ServerDatabase;

class RoomAdministrationTest {

  @TempDir Path folder;
  private ServerDatabase database;
  private RoomAdministration rooms;

  @BeforeEach
  void open() throws StoreException {
    database = ServerDatabase.open(folder.resolve("parley.db"));
    UserAdministration users = new UserAdministration(database.users(), "office.example");
    users.add("alice", "wonderland".toCharArray());
    users.add("bob", "builder1".toCharArray());
    rooms = new RoomAdministration(database.rooms(), database.users());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void addedRoomListsItsMembers() throws StoreException {
    rooms.add("team", List.of("bob", "alice"));

    assertThat(rooms.members("team")).containsExactly("alice", "bob");
    assertThat(rooms.list()).containsExactly(new ChatRoom("team", List.of("alice", "bob")));
  }

  @Test
  void memberMustBeAUser() {
    assertThatThrownBy(() -> rooms.add("team", List.of("alice", "mallory")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("There is no user 'mallory'");
  }

  @Test
  void roomCannotTakeAUsersName() {
    assertThatThrownBy(() -> rooms.add("alice", List.of("bob")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a user");
  }

  @Test
  void roomNameMustBeSafeInAUri() {
    assertThatThrownBy(() -> rooms.add("team room", List.of("bob")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removingAnUnknownRoomSaysSo() throws StoreException {
    rooms.add("team", List.of("alice"));
    rooms.remove("team");

    assertThatThrownBy(() -> rooms.remove("team"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("There is no room 'team'");
    assertThatThrownBy(() -> rooms.members("team")).isInstanceOf(IllegalArgumentException.class);
  }
}
