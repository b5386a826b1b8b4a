-- The public board of verifiable elections (docs/record-format.md). PostgreSQL twin:
-- migrations/postgres/0006_board.sql.
--
-- `board_events`: the election record, one JSON line per event, exactly as published, with its
-- RFC 6962 leaf hash. Append-only like the audit log, and no ON DELETE: a published record
-- cannot disappear with its election.
CREATE TABLE board_events (
    election_id INTEGER NOT NULL REFERENCES elections (id),
    height      INTEGER NOT NULL CHECK (height >= 0),
    hash        BLOB    NOT NULL CHECK (length(hash) = 32),
    event_type  TEXT    NOT NULL,
    line        TEXT    NOT NULL,
    PRIMARY KEY (election_id, height)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER board_events_no_update BEFORE UPDATE ON board_events
BEGIN
    SELECT RAISE(ABORT, 'board_events is append-only: UPDATE rejected');
END;
CREATE TRIGGER board_events_no_delete BEFORE DELETE ON board_events
BEGIN
    SELECT RAISE(ABORT, 'board_events is append-only: DELETE rejected');
END;

-- Verifiable ballots: the voter's credential key (one per ballot; unique in an election, so a
-- ballot copied from another voter is refused), the tracker (ballot digest) a receipt names,
-- who encrypted it ('voter': the browser; 'server': sealed for a voter without JavaScript),
-- and whether the board shows it yet. All NULL/0 for sealed (ranked) ballots.
ALTER TABLE ballots ADD COLUMN credential_key BLOB CHECK (credential_key IS NULL OR length(credential_key) = 32);
ALTER TABLE ballots ADD COLUMN tracker BLOB CHECK (tracker IS NULL OR length(tracker) = 32);
ALTER TABLE ballots ADD COLUMN sealed_by TEXT CHECK (sealed_by IS NULL OR sealed_by IN ('voter', 'server'));
ALTER TABLE ballots ADD COLUMN on_board INTEGER NOT NULL DEFAULT 0 CHECK (on_board IN (0, 1));
CREATE UNIQUE INDEX ballots_credential_key ON ballots (election_id, credential_key)
    WHERE credential_key IS NOT NULL;
CREATE INDEX ballots_tracker ON ballots (election_id, tracker) WHERE tracker IS NOT NULL;
CREATE INDEX ballots_to_publish ON ballots (election_id) WHERE on_board = 0;
