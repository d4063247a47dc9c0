package org.parley.server.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.server.store.StoreException;
import org.parley.server.store.VoicemailStore;
import org.parley.server.voicemail.VoicemailMessage;

/**
 * The voicemail index in SQLite, run on the location store's writer thread like offline messages,
 * so each change is committed (and synced) before the call returns.
 */
final class SqliteVoicemailStore implements VoicemailStore {

  private static final long WAIT_SECONDS = 30;
  private static final String COLUMNS =
      "id, mailbox, caller, received_at_ns, duration_ms, heard, file_name";

  private final SqliteLocationStore writer;

  SqliteVoicemailStore(SqliteLocationStore writer) {
    this.writer = writer;
  }

  @Override
  public VoicemailMessage add(VoicemailMessage message) throws StoreException {
    return run(
        "index a voicemail for " + message.mailbox(),
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO voicemail (mailbox, caller, received_at_ns, duration_ms, heard,"
                      + " file_name) VALUES (?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, message.mailbox());
            insert.setString(2, message.caller());
            insert.setLong(3, BindingRows.toNanos(message.receivedAt()));
            insert.setLong(4, message.durationMillis());
            insert.setInt(5, message.heard() ? 1 : 0);
            insert.setString(6, message.fileName());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return message.withId(keys.getLong(1));
            }
          }
        });
  }

  @Override
  public List<VoicemailMessage> list(String mailbox) throws StoreException {
    return run(
        "read the voicemail of " + mailbox,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM voicemail WHERE mailbox = ? ORDER BY id")) {
            select.setString(1, mailbox);
            return read(select);
          }
        });
  }

  @Override
  public List<VoicemailMessage> all() throws StoreException {
    return run(
        "read every voicemail",
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM voicemail ORDER BY id")) {
            return read(select);
          }
        });
  }

  @Override
  public Optional<VoicemailMessage> find(String mailbox, long id) throws StoreException {
    return run(
        "read voicemail " + id,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM voicemail WHERE mailbox = ? AND id = ?")) {
            select.setString(1, mailbox);
            select.setLong(2, id);
            return read(select).stream().findFirst();
          }
        });
  }

  @Override
  public boolean markHeard(String mailbox, long id) throws StoreException {
    return update("mark voicemail " + id + " heard", "UPDATE voicemail SET heard = 1", mailbox, id);
  }

  @Override
  public boolean remove(String mailbox, long id) throws StoreException {
    return update("delete voicemail " + id, "DELETE FROM voicemail", mailbox, id);
  }

  @Override
  public Set<String> fileNames() throws StoreException {
    return run(
        "read the voicemail file names",
        connection -> {
          Set<String> names = new HashSet<>();
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT file_name FROM voicemail");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              names.add(rows.getString(1));
            }
          }
          return Set.copyOf(names);
        });
  }

  private boolean update(String what, String statement, String mailbox, long id)
      throws StoreException {
    return run(
        what,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(statement + " WHERE mailbox = ? AND id = ?")) {
            update.setString(1, mailbox);
            update.setLong(2, id);
            return update.executeUpdate() > 0;
          }
        });
  }

  private <T> T run(String what, SqliteLocationStore.WriterTask<T> task) throws StoreException {
    try {
      return writer.submit(what, task).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreException store) {
        throw store;
      }
      throw new StoreException("could not " + what + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new StoreException("could not " + what + ": the database did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("could not " + what + ": interrupted", e);
    }
  }

  private static List<VoicemailMessage> read(PreparedStatement select) throws SQLException {
    List<VoicemailMessage> messages = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        messages.add(
            new VoicemailMessage(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                BindingRows.fromNanos(rows.getLong(4)),
                rows.getLong(5),
                rows.getInt(6) != 0,
                rows.getString(7)));
      }
    }
    return List.copyOf(messages);
  }
}
