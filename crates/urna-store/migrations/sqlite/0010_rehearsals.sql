-- Rehearsals (issue 7): each run of an election on a throwaway copy, the revision of the
-- election row it copied, whether it passed (no error finding) and its report (findings,
-- results of the synthetic ballots, timings) as JSON. PostgreSQL twin:
-- migrations/postgres/0010_rehearsals.sql.
--
-- Kept apart from `elections`: writing here must not raise the election's revision (0003),
-- or no rehearsal could ever pass "at the current revision". Opening an election is gated on
-- a passed rehearsal at the revision it has when marked ready (service::rehearsal).
CREATE TABLE rehearsals (
    id          INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    job_id      INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
    revision    INTEGER NOT NULL CHECK (revision >= 0),
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    report      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX rehearsals_by_election ON rehearsals (election_id, id);
CREATE INDEX rehearsals_by_job ON rehearsals (job_id);
