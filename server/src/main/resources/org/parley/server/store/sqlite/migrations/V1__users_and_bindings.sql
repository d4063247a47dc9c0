-- Users and registrar bindings. Applied by org.parley.server.store.sqlite.Migrations in one
-- transaction; never edit a released migration, add the next V<n>__*.sql instead.

-- Digest credentials only (HA1), never a password. BINARY collation: names are case-sensitive.
CREATE TABLE users (
  name       TEXT NOT NULL PRIMARY KEY,
  realm      TEXT NOT NULL,
  ha1_md5    TEXT NOT NULL,
  ha1_sha256 TEXT NOT NULL
);

-- Bumped by the triggers below on every change to users, whichever process makes it, so a
-- server can tell a change to users apart from any other commit (PRAGMA data_version).
CREATE TABLE users_generation (
  id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO users_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER users_inserted AFTER INSERT ON users
BEGIN
  UPDATE users_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER users_updated AFTER UPDATE ON users
BEGIN
  UPDATE users_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER users_deleted AFTER DELETE ON users
BEGIN
  UPDATE users_generation SET generation = generation + 1 WHERE id = 1;
END;

-- One row per registered contact (RFC 3261 §10). Instants are nanoseconds since the epoch;
-- path holds the Path header values joined with '\n' ('' when none). Rows of one AOR are read
-- back in id order, which is the order they were given in.
CREATE TABLE bindings (
  id                 INTEGER NOT NULL PRIMARY KEY,
  aor                TEXT    NOT NULL,
  contact_uri        TEXT    NOT NULL,
  contact_params     TEXT    NOT NULL,
  expires_at_ns      INTEGER NOT NULL,
  call_id            TEXT    NOT NULL,
  cseq               INTEGER NOT NULL,
  q_millis           INTEGER NOT NULL,
  path               TEXT    NOT NULL,
  received_transport TEXT    NOT NULL,
  received_host      TEXT    NOT NULL,
  received_port      INTEGER NOT NULL,
  user_agent         TEXT,
  updated_at_ns      INTEGER NOT NULL
);
CREATE INDEX bindings_by_aor ON bindings (aor);
