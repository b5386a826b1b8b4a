-- Scrutiny without exposing voters, and the purge of private data (issue 7). SQLite twin:
-- migrations/sqlite/0013_scrutiny.sql, which explains the columns.
CREATE TABLE submission_prints (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id    BIGINT NOT NULL REFERENCES voters (id) ON DELETE CASCADE,
    network     BYTEA  NOT NULL CHECK (length(network) = 32),
    agent       BYTEA  NOT NULL CHECK (length(agent) = 32),
    cookie      BYTEA  NOT NULL CHECK (length(cookie) = 32),
    sealed_raw  BYTEA  NOT NULL
);
CREATE INDEX submission_prints_by_election ON submission_prints (election_id, voter_id);

CREATE TABLE election_purges (
    election_id BIGINT PRIMARY KEY REFERENCES elections (id) ON DELETE CASCADE,
    purged_at   BIGINT NOT NULL
);
