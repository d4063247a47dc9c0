package org.parley.core.store.sqlite;

import static org.parley.core.store.sqlite.Columns.epochNanos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.parley.core.im.ChatHistory;
import org.parley.core.im.ChatMessage;
import org.parley.core.im.ChatMessage.DeliveryState;
import org.parley.core.im.ChatMessage.Direction;
import org.parley.core.im.ConversationSummary;

/**
 * The chat history in the profile database's {@code messages} table, searched through its FTS5
 * index {@code messages_fts}, which triggers keep in step with the table.
 */
final class SqliteChatHistory implements ChatHistory {

  private static final String INSERT =
      "INSERT INTO messages (account, peer_uri, direction, message_key, body, sent_at_ns, state,"
          + " is_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account, direction, message_key) DO NOTHING";

  private static final String BY_KEY =
      "SELECT * FROM messages WHERE account = ? AND direction = ? AND message_key = ?";

  private static final String CONVERSATION =
      "SELECT * FROM messages WHERE account = ? AND peer_uri = ?"
          + " ORDER BY sent_at_ns DESC, id DESC LIMIT ?";

  private static final String SEARCH =
      "SELECT m.* FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid"
          + " WHERE messages_fts MATCH ? AND m.account = ?"
          + " ORDER BY m.sent_at_ns DESC, m.id DESC LIMIT ?";

  private static final String CONVERSATIONS =
      "SELECT peer_uri,"
          + " SUM(CASE WHEN is_read = 0 AND direction = 'INCOMING' THEN 1 ELSE 0 END) AS unread,"
          + " (SELECT body FROM messages last WHERE last.account = m.account"
          + " AND last.peer_uri = m.peer_uri ORDER BY sent_at_ns DESC, id DESC LIMIT 1) AS last_body,"
          + " MAX(sent_at_ns) AS last_at_ns"
          + " FROM messages m WHERE account = ? GROUP BY peer_uri ORDER BY last_at_ns DESC";

  private final ProfileDatabase database;

  SqliteChatHistory(ProfileDatabase database) {
    this.database = database;
  }

  @Override
  public ChatMessage add(ChatMessage message) {
    return database.execute(
        "add a message to the chat history",
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, message.account());
            insert.setString(2, message.peerUri());
            insert.setString(3, message.direction().name());
            insert.setString(4, message.messageKey());
            insert.setString(5, message.text());
            insert.setLong(6, epochNanos(message.sentAt()));
            insert.setString(7, message.state().name());
            insert.setBoolean(8, message.read());
            if (insert.executeUpdate() > 0) {
              return message.withId(ProfileDatabase.lastInsertedId(connection));
            }
          }
          return existing(connection, message);
        });
  }

  private static ChatMessage existing(Connection connection, ChatMessage message)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(BY_KEY)) {
      select.setString(1, message.account());
      select.setString(2, message.direction().name());
      select.setString(3, message.messageKey());
      List<ChatMessage> rows = read(select);
      if (rows.isEmpty()) {
        throw new SQLException("message " + message.messageKey() + " neither inserted nor found");
      }
      return rows.get(0);
    }
  }

  @Override
  public boolean updateState(String account, String messageKey, DeliveryState state) {
    return database.execute(
        "update the state of message " + messageKey,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE messages SET state = ? WHERE account = ? AND direction = 'OUTGOING'"
                      + " AND message_key = ?")) {
            update.setString(1, state.name());
            update.setString(2, account);
            update.setString(3, messageKey);
            return update.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<ChatMessage> conversation(String account, String peerUri, int limit) {
    List<ChatMessage> newestFirst =
        database.execute(
            "read the conversation with " + peerUri,
            connection -> {
              try (PreparedStatement select = connection.prepareStatement(CONVERSATION)) {
                select.setString(1, account);
                select.setString(2, peerUri);
                select.setInt(3, limit);
                return read(select);
              }
            });
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Override
  public List<ChatMessage> search(String account, String words, int limit) {
    String query = ftsQuery(words);
    if (query.isEmpty()) {
      return List.of();
    }
    return database.execute(
        "search the chat history",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(SEARCH)) {
            select.setString(1, query);
            select.setString(2, account);
            select.setInt(3, limit);
            return read(select);
          }
        });
  }

  /**
   * Every word with a letter or digit as an FTS5 string (quotes doubled) with a prefix star, joined
   * by spaces (AND): the user's text never reaches FTS5's query syntax, so "NEAR", "-" or a stray
   * quote are just text.
   */
  static String ftsQuery(String words) {
    StringBuilder query = new StringBuilder();
    for (String word : words.trim().split("\\s+")) {
      // Punctuation alone makes no token; as an empty prefix it would match every message.
      if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
        if (query.length() > 0) {
          query.append(' ');
        }
        query.append('"').append(word.replace("\"", "\"\"")).append("\"*");
      }
    }
    return query.toString();
  }

  @Override
  public List<ConversationSummary> conversations(String account) {
    return database.execute(
        "list the conversations",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(CONVERSATIONS)) {
            select.setString(1, account);
            List<ConversationSummary> summaries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                summaries.add(
                    new ConversationSummary(
                        rows.getString("peer_uri"),
                        rows.getString("last_body"),
                        Columns.instant(rows.getLong("last_at_ns")),
                        rows.getInt("unread")));
              }
            }
            return summaries;
          }
        });
  }

  @Override
  public int markRead(String account, String peerUri) {
    return database.execute(
        "mark the conversation with " + peerUri + " read",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE messages SET is_read = 1 WHERE account = ? AND peer_uri = ?"
                      + " AND is_read = 0")) {
            update.setString(1, account);
            update.setString(2, peerUri);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public int deleteConversation(String account, String peerUri) {
    return database.execute(
        "delete the conversation with " + peerUri,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM messages WHERE account = ? AND peer_uri = ?")) {
            delete.setString(1, account);
            delete.setString(2, peerUri);
            return delete.executeUpdate();
          }
        });
  }

  private static List<ChatMessage> read(PreparedStatement select) throws SQLException {
    List<ChatMessage> messages = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        messages.add(
            new ChatMessage(
                row.getLong("id"),
                row.getString("account"),
                row.getString("peer_uri"),
                Columns.enumValue(row, "direction", Direction.class),
                row.getString("message_key"),
                row.getString("body"),
                Columns.instant(row.getLong("sent_at_ns")),
                Columns.enumValue(row, "state", DeliveryState.class),
                row.getBoolean("is_read")));
      }
    }
    return messages;
  }
}
