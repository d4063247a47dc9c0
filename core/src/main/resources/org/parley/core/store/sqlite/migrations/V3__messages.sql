-- Chat history: one row per instant message sent or received, and an FTS5 index over the text
-- kept in sync by triggers (an external-content table: the text is stored once, in messages).
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  account TEXT NOT NULL,
  peer_uri TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('INCOMING', 'OUTGOING')),
  -- Our id for a message we sent; the sender's Call-ID and CSeq for one we received, so a
  -- redelivered message is stored once.
  message_key TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at_ns INTEGER NOT NULL,
  state TEXT NOT NULL,
  is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
  UNIQUE (account, direction, message_key)
);

CREATE INDEX messages_conversation ON messages (account, peer_uri, sent_at_ns, id);
CREATE INDEX messages_unread ON messages (account, peer_uri) WHERE is_read = 0;

CREATE VIRTUAL TABLE messages_fts USING fts5 (
  body,
  content = 'messages',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;
