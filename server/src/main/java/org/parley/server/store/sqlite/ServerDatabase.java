package org.parley.server.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.store.ChatRoomStore;
import org.parley.server.store.LocationStore;
import org.parley.server.store.MessageStore;
import org.parley.server.store.PublicationStore;
import org.parley.server.store.StoreException;
import org.parley.server.store.SubscriptionStore;
import org.parley.server.store.UserStore;
import org.parley.server.store.VoicemailStore;
import org.parley.server.store.WatcherRuleStore;

/**
 * The server's SQLite database: one file, WAL mode, migrations applied at open.
 *
 * <p>It holds six connections: two for users (reads never wait behind writes), one for the location
 * store's writer thread, one for chat rooms, one for presence rules and subscriptions and one for
 * presence publications. Other processes, such as the {@code parley server user} command, may open
 * the same file at the same time.
 */
public final class ServerDatabase implements AutoCloseable {

  private final SqliteUserStore users;
  private final SqliteLocationStore locations;
  private final SqliteMessageStore messages;
  private final SqliteVoicemailStore voicemail;
  private final SqliteChatRoomStore rooms;
  private final SqlitePresenceStore presence;
  private final SqlitePublicationStore publications;

  private ServerDatabase(
      SqliteUserStore users,
      SqliteLocationStore locations,
      SqliteChatRoomStore rooms,
      SqlitePresenceStore presence,
      SqlitePublicationStore publications) {
    this.users = users;
    this.rooms = rooms;
    this.presence = presence;
    this.publications = publications;
    this.locations = locations;
    this.messages = new SqliteMessageStore(locations);
    this.voicemail = new SqliteVoicemailStore(locations);
  }

  /**
   * Opens (or creates) the database at {@code file} and migrates it to the current schema. Creates
   * parent folders.
   *
   * @throws StoreException when the folder cannot be created, the file is not a Parley database (or
   *     was written by a newer Parley), or a migration fails; the message says which
   */
  public static ServerDatabase open(Path file) throws StoreException {
    Path absolute = file.toAbsolutePath();
    String database = absolute.toString();
    Path folder = absolute.getParent();
    if (folder != null) {
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new StoreException(
            "could not create the folder " + folder + " for database " + database + ": " + e, e);
      }
    }
    List<Connection> opened = new ArrayList<>();
    try {
      Connection userWrites = open(absolute, opened);
      Migrations.migrate(userWrites, database);
      SqliteUserStore users = new SqliteUserStore(open(absolute, opened), userWrites, database);
      SqliteLocationStore locations = SqliteLocationStore.start(open(absolute, opened), database);
      SqliteChatRoomStore rooms = new SqliteChatRoomStore(open(absolute, opened), database);
      SqlitePresenceStore presence = new SqlitePresenceStore(open(absolute, opened), database);
      SqlitePublicationStore publications =
          new SqlitePublicationStore(open(absolute, opened), database);
      return new ServerDatabase(users, locations, rooms, presence, publications);
    } catch (StoreException | RuntimeException e) {
      opened.forEach(SqliteConnections::closeQuietly);
      throw e;
    }
  }

  private static Connection open(Path file, List<Connection> opened) throws StoreException {
    Connection connection = SqliteConnections.open(file);
    opened.add(connection);
    return connection;
  }

  /** The users; the same instance on every call. */
  public UserStore users() {
    return users;
  }

  /** The registrar's bindings; the same instance on every call. */
  public LocationStore locations() {
    return locations;
  }

  /** Messages waiting for offline users; the same instance on every call. */
  public MessageStore messages() {
    return messages;
  }

  /** The voicemail index; the same instance on every call. */
  public VoicemailStore voicemail() {
    return voicemail;
  }

  /** The group chat rooms; the same instance on every call. */
  public ChatRoomStore rooms() {
    return rooms;
  }

  /** Who may watch whom; the same instance on every call. */
  public WatcherRuleStore watcherRules() {
    return presence;
  }

  /** The presence agent's subscriptions; the same instance on every call. */
  public SubscriptionStore subscriptions() {
    return presence;
  }

  /** The presence agent's publications; the same instance on every call. */
  public PublicationStore publications() {
    return publications;
  }

  /** Waits for queued location writes, then closes every connection. Idempotent. */
  @Override
  public void close() {
    locations.close();
    users.close();
    rooms.close();
    presence.close();
    publications.close();
  }
}
