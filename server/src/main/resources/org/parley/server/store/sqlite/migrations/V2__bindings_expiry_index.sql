-- Loading the location service deletes expired bindings first; this keeps that an index range.
CREATE INDEX bindings_by_expiry ON bindings (expires_at_ns);
