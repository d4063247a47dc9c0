-- Instant messages (RFC 3428) accepted for offline users, until they are delivered.

CREATE TABLE offline_messages (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Call-ID, CSeq and From tag of the sender's request: a retransmission is stored once.
  message_key    TEXT NOT NULL UNIQUE,
  recipient_aor  TEXT NOT NULL,
  sender         TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  body           BLOB NOT NULL,
  received_at_ns INTEGER NOT NULL
);

CREATE INDEX offline_messages_by_recipient ON offline_messages (recipient_aor, id);
