-- Scrutiny without exposing voters, and the purge of private data (issue 7). PostgreSQL twin:
-- migrations/postgres/0013_scrutiny.sql.
--
-- `submission_prints`: one row per ballot submission (cast or revote), keyed by voter and never
-- by ballot, so ballots stay unlinkable. `network`, `agent` and `cookie` are HMAC-SHA-256
-- fingerprints (32 bytes) of the client's network (IPv4 /24, IPv6 /64), its user agent and a
-- long-lived browser cookie, under a key derived per election from the server key (never
-- stored here): equal values mean the same input within one election, and nothing can be
-- joined across elections or reversed without the server key. `sealed_raw` is the address and
-- user agent themselves, sealed with another server-key-derived key, opened only for holders
-- of the checkuser right. No time column: when a voter voted lives in `vote_times` only.
CREATE TABLE submission_prints (
    id          INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id    INTEGER NOT NULL REFERENCES voters (id) ON DELETE CASCADE,
    network     BLOB    NOT NULL CHECK (length(network) = 32),
    agent       BLOB    NOT NULL CHECK (length(agent) = 32),
    cookie      BLOB    NOT NULL CHECK (length(cookie) = 32),
    sealed_raw  BLOB    NOT NULL
) STRICT;
CREATE INDEX submission_prints_by_election ON submission_prints (election_id, voter_id);

-- Elections whose private data was purged, and when: the purge claims its row here (INSERT …
-- ON CONFLICT DO NOTHING) in the transaction that deletes, so with several servers exactly one
-- writes the audit entry. Purging again deletes nothing new and logs nothing.
CREATE TABLE election_purges (
    election_id INTEGER PRIMARY KEY REFERENCES elections (id) ON DELETE CASCADE,
    purged_at   INTEGER NOT NULL
) STRICT;
