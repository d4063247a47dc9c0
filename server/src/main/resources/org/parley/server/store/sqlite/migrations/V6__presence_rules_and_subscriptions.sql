-- Presence (issue 7): who may watch whom, and the agent's subscriptions so a restart resumes them.

-- Per presentity (a user name), a rule for one watcher (a user name). No foreign key to users, as
-- for chat_room_members: a removed user's rules stay until the name is reused or the row removed.
CREATE TABLE watcher_rules (
  presentity TEXT NOT NULL,
  watcher    TEXT NOT NULL,
  rule       TEXT NOT NULL CHECK (rule IN ('allow', 'block')),
  PRIMARY KEY (presentity, watcher)
);

-- One row per subscription dialog (RFC 6665); written before the SUBSCRIBE's 200 is sent.
CREATE TABLE presence_subscriptions (
  id            TEXT    NOT NULL PRIMARY KEY,
  presentity    TEXT    NOT NULL,
  watcher       TEXT    NOT NULL,
  request       TEXT    NOT NULL,
  local_tag     TEXT    NOT NULL,
  hop_host      TEXT    NOT NULL,
  hop_port      INTEGER NOT NULL,
  hop_transport TEXT    NOT NULL,
  expires_at    INTEGER NOT NULL,  -- Unix epoch milliseconds
  next_cseq     INTEGER NOT NULL
);
