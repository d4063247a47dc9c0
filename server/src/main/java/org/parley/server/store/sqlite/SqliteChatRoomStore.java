package org.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parley.server.store.ChatRoom;
import org.parley.server.store.ChatRoomStore;
import org.parley.server.store.StoreException;

/**
 * Chat rooms on their own connection. The proxy asks whether a name is a room for every request to
 * a user (every INVITE), so the rooms are kept in memory and read again only when {@code PRAGMA
 * data_version} says another connection committed something (a room added or changed by the {@code
 * parley server room} command still applies to the next message), or when this store changed them.
 * Querying the table on each call was native SQLite work on every call.
 */
final class SqliteChatRoomStore implements ChatRoomStore, AutoCloseable {

  private static final String SELECT_MEMBERS =
      "SELECT r.name, m.member FROM chat_rooms r"
          + " LEFT JOIN chat_room_members m ON m.room = r.name";

  private final GuardedConnection connection;
  // Prepared on first use and again after a failure, which may leave it unusable.
  private PreparedStatement dataVersion; // guarded by connection's lock
  private Map<String, ChatRoom> byName; // guarded by connection's lock; null: read again
  private long seenDataVersion; // guarded by connection's lock
  private final String database;

  /** Takes ownership of a connection to a migrated database named {@code database}. */
  SqliteChatRoomStore(Connection connection, String database) {
    this.connection = new GuardedConnection(connection, "the room store of " + database);
    this.database = database;
  }

  @Override
  public void add(ChatRoom room) throws StoreException {
    Objects.requireNonNull(room, "room");
    connection.inTransaction(
        "could not add room " + room.name() + " to " + database,
        c -> {
          byName = null; // data_version does not count this connection's own commits
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO chat_rooms (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
            insert.setString(1, room.name());
            if (insert.executeUpdate() == 0) {
              throw new StoreException("room " + room.name() + " already exists in " + database);
            }
          }
          try (PreparedStatement member =
              c.prepareStatement("INSERT INTO chat_room_members (room, member) VALUES (?, ?)")) {
            for (String name : room.members()) {
              member.setString(1, room.name());
              member.setString(2, name);
              member.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public boolean remove(String name) throws StoreException {
    Objects.requireNonNull(name, "name");
    return connection.inTransaction(
        "could not remove room " + name + " from " + database,
        c -> {
          byName = null;
          try (PreparedStatement members =
              c.prepareStatement("DELETE FROM chat_room_members WHERE room = ?")) {
            members.setString(1, name);
            members.executeUpdate();
          }
          try (PreparedStatement room =
              c.prepareStatement("DELETE FROM chat_rooms WHERE name = ?")) {
            room.setString(1, name);
            return room.executeUpdate() > 0;
          }
        });
  }

  @Override
  public Optional<ChatRoom> find(String name) throws StoreException {
    Objects.requireNonNull(name, "name");
    return connection.run(
        "could not read room " + name + " of " + database,
        c -> {
          try {
            if (dataVersion == null) {
              dataVersion = c.prepareStatement("PRAGMA data_version");
            }
            long version;
            try (ResultSet row = dataVersion.executeQuery()) {
              version = row.next() ? row.getLong(1) : 0;
            }
            if (byName == null || version != seenDataVersion) {
              Map<String, ChatRoom> rooms = new HashMap<>();
              try (PreparedStatement all = c.prepareStatement(SELECT_MEMBERS)) {
                rooms(all).forEach(room -> rooms.put(room.name(), room));
              }
              byName = rooms;
              seenDataVersion = version;
            }
            return Optional.ofNullable(byName.get(name));
          } catch (SQLException e) {
            PreparedStatement failed = dataVersion;
            dataVersion = null;
            byName = null;
            if (failed != null) {
              closeQuietly(failed);
            }
            throw e;
          }
        });
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // The query's own failure is what gets reported.
    }
  }

  @Override
  public List<ChatRoom> list() throws StoreException {
    return read(SELECT_MEMBERS + " ORDER BY r.name");
  }

  /** Closes the connection; later calls fail with StoreException. */
  @Override
  public void close() {
    connection.close();
  }

  private List<ChatRoom> read(String sql) throws StoreException {
    return connection.run(
        "could not read the rooms of " + database,
        c -> {
          try (PreparedStatement query = c.prepareStatement(sql)) {
            return rooms(query);
          }
        });
  }

  /** The rooms a {@link #SELECT_MEMBERS} query finds, each with its members. */
  private static List<ChatRoom> rooms(PreparedStatement query) throws SQLException {
    Map<String, List<String>> members = new LinkedHashMap<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        List<String> room = members.computeIfAbsent(rows.getString(1), k -> new ArrayList<>());
        String member = rows.getString(2);
        if (member != null) {
          room.add(member);
        }
      }
    }
    List<ChatRoom> rooms = new ArrayList<>();
    members.forEach((room, names) -> rooms.add(new ChatRoom(room, names)));
    return rooms;
  }
}
