-- Lookups on the public board without reading its lines. SQLite twin:
-- migrations/sqlite/0007_board_lookup.sql (the comments there explain each column).
ALTER TABLE board_events ADD COLUMN tracker BYTEA CHECK (tracker IS NULL OR length(tracker) = 32);
ALTER TABLE board_events ADD COLUMN credential BYTEA CHECK (credential IS NULL OR length(credential) = 16);
CREATE INDEX board_events_tracker ON board_events (election_id, tracker) WHERE tracker IS NOT NULL;
CREATE INDEX board_events_credential ON board_events (election_id, credential, height)
    WHERE credential IS NOT NULL;
