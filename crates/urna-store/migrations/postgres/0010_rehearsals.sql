-- Rehearsals (issue 7). SQLite twin: migrations/sqlite/0010_rehearsals.sql (the reasons are
-- written there).
CREATE TABLE rehearsals (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id BIGINT  NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    job_id      BIGINT  REFERENCES jobs (id) ON DELETE SET NULL,
    revision    BIGINT  NOT NULL CHECK (revision >= 0),
    passed      BOOLEAN NOT NULL,
    report      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX rehearsals_by_election ON rehearsals (election_id, id);
CREATE INDEX rehearsals_by_job ON rehearsals (job_id);
