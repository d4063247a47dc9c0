package org.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.parley.server.store.MessageStore;
import org.parley.server.store.StoredMessage;

/**
 * Offline messages in SQLite, written by the location store's writer thread: they share its group
 * commit, so a message is synced to disk before {@link #add} completes, at no extra fsync when
 * registrations are being written at the same time.
 */
final class SqliteMessageStore implements MessageStore {

  private static final String COLUMNS =
      "id, message_key, recipient_aor, sender, content_type, body, received_at_ns";

  private final SqliteLocationStore writer;

  SqliteMessageStore(SqliteLocationStore writer) {
    this.writer = writer;
  }

  @Override
  public CompletionStage<StoredMessage> add(StoredMessage message) {
    Objects.requireNonNull(message, "message");
    long receivedAtNanos = BindingRows.toNanos(message.receivedAt());
    return writer
        .submit(
            "store a message for " + message.recipientAor(),
            connection -> insert(connection, message, receivedAtNanos))
        .minimalCompletionStage();
  }

  @Override
  public CompletionStage<Set<String>> recipients() {
    return writer
        .submit(
            "read the recipients of waiting messages",
            connection -> {
              Set<String> recipients = new HashSet<>();
              try (PreparedStatement select =
                      connection.prepareStatement(
                          "SELECT DISTINCT recipient_aor FROM offline_messages");
                  ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                  recipients.add(rows.getString(1));
                }
              }
              return Set.copyOf(recipients);
            })
        .minimalCompletionStage();
  }

  @Override
  public CompletionStage<List<StoredMessage>> pendingFor(String recipientAor) {
    Objects.requireNonNull(recipientAor, "recipientAor");
    return writer
        .submit(
            "read the messages for " + recipientAor, connection -> select(connection, recipientAor))
        .minimalCompletionStage();
  }

  @Override
  public CompletionStage<Void> remove(long id) {
    return writer
        .submit(
            "remove delivered message " + id,
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM offline_messages WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
              }
              return (Void) null;
            })
        .minimalCompletionStage();
  }

  private static StoredMessage insert(
      Connection connection, StoredMessage message, long receivedAtNanos) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO offline_messages (message_key, recipient_aor, sender,"
                + " content_type, body, received_at_ns) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, message.messageKey());
      insert.setString(2, message.recipientAor());
      insert.setString(3, message.sender());
      insert.setString(4, message.contentType());
      insert.setBytes(5, message.body());
      insert.setLong(6, receivedAtNanos);
      insert.executeUpdate();
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM offline_messages WHERE message_key = ?")) {
      select.setString(1, message.messageKey());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return read(rows);
      }
    }
  }

  private static List<StoredMessage> select(Connection connection, String recipientAor)
      throws SQLException {
    List<StoredMessage> messages = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM offline_messages WHERE recipient_aor = ? ORDER BY id")) {
      select.setString(1, recipientAor);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          messages.add(read(rows));
        }
      }
    }
    return List.copyOf(messages);
  }

  private static StoredMessage read(ResultSet rows) throws SQLException {
    return new StoredMessage(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getBytes(6),
        BindingRows.fromNanos(rows.getLong(7)));
  }
}
