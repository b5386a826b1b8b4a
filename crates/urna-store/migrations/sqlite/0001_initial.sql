-- Urna's schema for SQLite. The PostgreSQL twin is migrations/postgres/0001_initial.sql: keep
-- both in step (same tables, columns, constraints; only the dialect differs).
--
-- Conventions: STRICT tables (SQLite enforces column types); booleans are INTEGER 0/1 with a
-- CHECK; timestamps are unix microseconds in INTEGER; JSON documents are TEXT holding the exact
-- bytes written (audit hashes cover those bytes, so no re-encoding by the database).
--
-- Secrecy: no table holds a plaintext ballot. `voters` does not reference ballots; a voter
-- reaches a ballot only through `credentials`. `ballots` has no timestamp and a random 128-bit
-- primary key (WITHOUT ROWID, so not even a hidden rowid records insertion order); when each
-- voter voted lives apart in `vote_times`.

CREATE TABLE elections (
    id                INTEGER PRIMARY KEY,
    slug              TEXT    NOT NULL UNIQUE,
    definition        TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    public_key        TEXT,
    sealed_ballot_len INTEGER CHECK (sealed_ballot_len > 0),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
) STRICT;

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    -- Encrypted by the caller; the store only keeps the opaque bytes.
    totp_secret   BLOB,
    is_operator   INTEGER NOT NULL CHECK (is_operator IN (0, 1)),
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE election_roles (
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('admin', 'scrutineer', 'trustee')),
    PRIMARY KEY (election_id, account_id, role)
) STRICT;
CREATE INDEX election_roles_by_account ON election_roles (account_id);

-- id is the SHA-256 of the session token: the raw token only ever lives in the cookie.
CREATE TABLE sessions (
    id          BLOB    PRIMARY KEY CHECK (length(id) = 32),
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_secret BLOB    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- `voted` means "has a current, unstruck ballot"; `token_hash` is the SHA-256 of the voting
-- link's token.
CREATE TABLE voters (
    id          INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    identifier  TEXT    NOT NULL,
    email       TEXT,
    weight      INTEGER NOT NULL CHECK (weight > 0),
    token_hash  BLOB    NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    revoked     INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    voted       INTEGER NOT NULL DEFAULT 0 CHECK (voted IN (0, 1)),
    created_at  INTEGER NOT NULL,
    UNIQUE (election_id, identifier)
) STRICT;

-- The only link from a voter to their ballots (needed for revotes and strikes).
CREATE TABLE credentials (
    id          INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id    INTEGER NOT NULL UNIQUE REFERENCES voters (id) ON DELETE CASCADE,
    public_id   BLOB    NOT NULL UNIQUE CHECK (length(public_id) = 16)
) STRICT;

CREATE TABLE ballots (
    id            BLOB    PRIMARY KEY CHECK (length(id) = 16),
    election_id   INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    credential_id INTEGER NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    sealed        BLOB    NOT NULL,
    is_current    INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    is_struck     INTEGER NOT NULL DEFAULT 0 CHECK (is_struck IN (0, 1)),
    strike_reason TEXT,
    CHECK (is_struck = 1 OR strike_reason IS NULL)
) STRICT, WITHOUT ROWID;
-- At most one current ballot per credential, whatever the races.
CREATE UNIQUE INDEX ballots_one_current ON ballots (credential_id) WHERE is_current = 1;
CREATE INDEX ballots_by_election ON ballots (election_id, is_current, is_struck);
CREATE INDEX ballots_by_credential ON ballots (credential_id);

-- When each voter voted: private to admins and scrutineers, never joined to ballots.
CREATE TABLE vote_times (
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id    INTEGER NOT NULL REFERENCES voters (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL
) STRICT;
CREATE INDEX vote_times_by_voter ON vote_times (voter_id, at);
CREATE INDEX vote_times_by_election ON vote_times (election_id);

-- Append-only and hash-chained. `election_id` NULL is the site-wide chain (accounts, roles).
-- No ON DELETE: an election with history cannot be deleted.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    election_id INTEGER REFERENCES elections (id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    details     TEXT    NOT NULL,
    prev_hash   BLOB    NOT NULL CHECK (length(prev_hash) = 32),
    hash        BLOB    NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE UNIQUE INDEX audit_log_chain ON audit_log (coalesce(election_id, 0), seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE rejected');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE rejected');
END;

-- Key-generation rounds and decryption shares, one file per trustee and round, write-once.
CREATE TABLE trustee_files (
    election_id   INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    trustee_index INTEGER NOT NULL CHECK (trustee_index >= 1),
    round         INTEGER NOT NULL CHECK (round >= 1),
    payload       TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (election_id, trustee_index, round)
) STRICT;

-- The shuffled set of counted ballots fixed at close; `hash` is the SHA-256 of `payload`.
CREATE TABLE frozen_sets (
    id          INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    hash        BLOB    NOT NULL CHECK (length(hash) = 32),
    payload     BLOB    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (election_id, hash)
) STRICT;

CREATE TABLE results (
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    question    TEXT    NOT NULL,
    report      TEXT    NOT NULL,
    published   INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (election_id, question)
) STRICT;

CREATE TABLE jobs (
    id             INTEGER PRIMARY KEY,
    election_id    INTEGER REFERENCES elections (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
    progress_done  INTEGER NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
    progress_total INTEGER NOT NULL CHECK (progress_total >= 0),
    message        TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX jobs_by_election ON jobs (election_id, id);
