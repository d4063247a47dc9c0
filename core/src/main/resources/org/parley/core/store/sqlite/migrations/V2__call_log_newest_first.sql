-- The call history is read newest first (CallLog.recent): this makes that an index walk that
-- stops after the limit instead of sorting the whole table.
CREATE INDEX call_log_newest_first ON call_log (started_at_ns DESC, id DESC);
