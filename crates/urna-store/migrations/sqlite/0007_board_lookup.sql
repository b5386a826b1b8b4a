-- Lookups on the public board without reading its lines. PostgreSQL twin:
-- migrations/postgres/0007_board_lookup.sql.
--
-- `tracker`: a `ballot` event's ballot digest, so a receipt finds its height by index.
-- `credential`: the 16-byte credential a `ballot`, `strike` or `unstrike` event names, so the
-- publisher knows whether the board shows a credential as struck (a voter struck and then
-- voting again needs an `unstrike` before the new ballot). Both NULL for other events. Set
-- once, at the INSERT: the append-only triggers refuse any later change.
ALTER TABLE board_events ADD COLUMN tracker BLOB CHECK (tracker IS NULL OR length(tracker) = 32);
ALTER TABLE board_events ADD COLUMN credential BLOB CHECK (credential IS NULL OR length(credential) = 16);
CREATE INDEX board_events_tracker ON board_events (election_id, tracker) WHERE tracker IS NOT NULL;
CREATE INDEX board_events_credential ON board_events (election_id, credential, height)
    WHERE credential IS NOT NULL;
