-- Presence (issue 7): published event state (RFC 3903), so a restart keeps everyone's status.

-- One row per publication, keyed by the entity-tag its 200 carried; written before the 200.
CREATE TABLE presence_publications (
  entity_tag   TEXT    NOT NULL PRIMARY KEY,
  presentity   TEXT    NOT NULL,
  content_type TEXT    NOT NULL,
  body         BLOB    NOT NULL,
  expires_at   INTEGER NOT NULL,  -- Unix epoch milliseconds
  modified_at  INTEGER NOT NULL   -- Unix epoch milliseconds
);
