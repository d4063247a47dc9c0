-- The profile database's first schema. Applied by org.parley.core.store.sqlite.SchemaMigrator in
-- one transaction; never edit a released migration, add the next V<n>__*.sql instead.
-- Instants are nanoseconds since the epoch; enums are stored by their Java constant's name.

-- Accounts without secrets: passwords live in the OS credential store, keyed by the account id.
-- AUTOINCREMENT so a deleted account's id (and any password left under it) is never reused.
CREATE TABLE accounts (
  id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  display_name      TEXT    NOT NULL,
  address_of_record TEXT    NOT NULL,
  auth_user         TEXT    NOT NULL,
  outbound_proxy    TEXT,
  transport         TEXT    NOT NULL,
  expires_seconds   INTEGER NOT NULL CHECK (expires_seconds > 0),
  enabled           INTEGER NOT NULL CHECK (enabled IN (0, 1))
);

-- The *_folded columns hold the lower-cased name and URI (folded in Java, which knows Unicode
-- case; SQLite's lower() and LIKE only fold ASCII), so search is a case-insensitive instr().
CREATE TABLE contacts (
  id           INTEGER NOT NULL PRIMARY KEY,
  display_name TEXT    NOT NULL,
  sip_uri      TEXT    NOT NULL,
  phone_number TEXT    NOT NULL,
  favourite    INTEGER NOT NULL CHECK (favourite IN (0, 1)),
  name_folded  TEXT    NOT NULL,
  uri_folded   TEXT    NOT NULL
);

-- One row per finished call. The quality columns are meaningful only when has_quality is 1; a
-- NULL among them then stands for NaN (SQLite stores NaN as NULL).
CREATE TABLE call_log (
  id                  INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  account             TEXT    NOT NULL,
  direction           TEXT    NOT NULL,
  peer_uri            TEXT    NOT NULL,
  peer_display_name   TEXT    NOT NULL,
  started_at_ns       INTEGER NOT NULL,
  answered_at_ns      INTEGER,
  ended_at_ns         INTEGER NOT NULL,
  disposition         TEXT    NOT NULL,
  status_code         INTEGER NOT NULL,
  codec               TEXT,
  has_quality         INTEGER NOT NULL CHECK (has_quality IN (0, 1)),
  mean_mos            REAL,
  worst_mos           REAL,
  loss_percent        REAL,
  jitter_millis       REAL,
  round_trip_millis   REAL,
  concealment_ratio   REAL
);

CREATE TABLE settings (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
