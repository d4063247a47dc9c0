-- The hang-up summary's jitter-buffer delay (mean and worst over the call, ms), so the history
-- can show where a call's delay came from. NULL for calls logged before: read as unknown.
ALTER TABLE call_log ADD COLUMN jitter_buffer_millis REAL;
ALTER TABLE call_log ADD COLUMN worst_jitter_buffer_millis REAL;
