-- Voicemail index. The audio lives beside the database (voicemail/<file_name>); a row is written
-- only after its file was synced and renamed into place, so every row names complete audio.

CREATE TABLE voicemail (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  mailbox          TEXT NOT NULL,
  caller           TEXT NOT NULL,
  received_at_ns   INTEGER NOT NULL,
  duration_ms      INTEGER NOT NULL,
  heard            INTEGER NOT NULL DEFAULT 0,
  file_name        TEXT NOT NULL UNIQUE
);

CREATE INDEX voicemail_by_mailbox ON voicemail (mailbox, id);
