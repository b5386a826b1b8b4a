-- The public board of verifiable elections (docs/record-format.md). SQLite twin:
-- migrations/sqlite/0006_board.sql (the comments there explain each table and column).
CREATE TABLE board_events (
    election_id BIGINT NOT NULL REFERENCES elections (id),
    height      BIGINT NOT NULL CHECK (height >= 0),
    hash        BYTEA  NOT NULL CHECK (length(hash) = 32),
    event_type  TEXT   NOT NULL,
    line        TEXT   NOT NULL,
    PRIMARY KEY (election_id, height)
);
CREATE FUNCTION board_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'board_events is append-only: % rejected', TG_OP;
END
$$;
CREATE TRIGGER board_events_no_update_or_delete BEFORE UPDATE OR DELETE ON board_events
    FOR EACH ROW EXECUTE FUNCTION board_events_append_only();
CREATE TRIGGER board_events_no_truncate BEFORE TRUNCATE ON board_events
    FOR EACH STATEMENT EXECUTE FUNCTION board_events_append_only();

ALTER TABLE ballots ADD COLUMN credential_key BYTEA CHECK (credential_key IS NULL OR length(credential_key) = 32);
ALTER TABLE ballots ADD COLUMN tracker BYTEA CHECK (tracker IS NULL OR length(tracker) = 32);
ALTER TABLE ballots ADD COLUMN sealed_by TEXT CHECK (sealed_by IS NULL OR sealed_by IN ('voter', 'server'));
ALTER TABLE ballots ADD COLUMN on_board BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX ballots_credential_key ON ballots (election_id, credential_key)
    WHERE credential_key IS NOT NULL;
CREATE INDEX ballots_tracker ON ballots (election_id, tracker) WHERE tracker IS NOT NULL;
CREATE INDEX ballots_to_publish ON ballots (election_id) WHERE NOT on_board;
