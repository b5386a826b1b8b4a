-- Eligibility from wiki data (issue 6). PostgreSQL twin: migrations/postgres/0015_eligibility.sql
-- (the comments there describe the tables).
CREATE TABLE eligibility_rules (
    election_id INTEGER PRIMARY KEY REFERENCES elections (id) ON DELETE CASCADE,
    rules       TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE eligibility_requests (
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    account     TEXT    NOT NULL,
    PRIMARY KEY (election_id, account)
) STRICT;

CREATE TABLE eligibility_snapshot (
    election_id        INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    account            TEXT    NOT NULL,
    facts              TEXT    NOT NULL,
    voter_decision     TEXT    NOT NULL,
    voter_eligible     INTEGER NOT NULL CHECK (voter_eligible IN (0, 1)),
    candidate_decision TEXT,
    fetched_at         INTEGER NOT NULL,
    PRIMARY KEY (election_id, account)
) STRICT, WITHOUT ROWID;
