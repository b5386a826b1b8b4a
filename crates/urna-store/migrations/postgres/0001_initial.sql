-- Urna's schema for PostgreSQL. The SQLite twin is migrations/sqlite/0001_initial.sql: keep
-- both in step (same tables, columns, constraints; only the dialect differs).
--
-- Conventions: timestamps are unix microseconds in BIGINT; JSON documents are TEXT holding the
-- exact bytes written (JSONB would reorder keys, and audit hashes cover those bytes).
--
-- Secrecy: no table holds a plaintext ballot. `voters` does not reference ballots; a voter
-- reaches a ballot only through `credentials`. `ballots` has no timestamp and a random 128-bit
-- primary key; when each voter voted lives apart in `vote_times`.

CREATE TABLE elections (
    id                BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug              TEXT    NOT NULL UNIQUE,
    definition        TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    public_key        TEXT,
    sealed_ballot_len BIGINT  CHECK (sealed_ballot_len > 0),
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

CREATE TABLE accounts (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    -- Encrypted by the caller; the store only keeps the opaque bytes.
    totp_secret   BYTEA,
    is_operator   BOOLEAN NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE election_roles (
    election_id BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role        TEXT   NOT NULL CHECK (role IN ('admin', 'scrutineer', 'trustee')),
    PRIMARY KEY (election_id, account_id, role)
);
CREATE INDEX election_roles_by_account ON election_roles (account_id);

-- id is the SHA-256 of the session token: the raw token only ever lives in the cookie.
CREATE TABLE sessions (
    id          BYTEA  PRIMARY KEY CHECK (length(id) = 32),
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_secret BYTEA  NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- `voted` means "has a current, unstruck ballot"; `token_hash` is the SHA-256 of the voting
-- link's token.
CREATE TABLE voters (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id BIGINT  NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    identifier  TEXT    NOT NULL,
    email       TEXT,
    weight      BIGINT  NOT NULL CHECK (weight > 0),
    token_hash  BYTEA   NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    revoked     BOOLEAN NOT NULL DEFAULT FALSE,
    voted       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  BIGINT  NOT NULL,
    UNIQUE (election_id, identifier)
);

-- The only link from a voter to their ballots (needed for revotes and strikes).
CREATE TABLE credentials (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id    BIGINT NOT NULL UNIQUE REFERENCES voters (id) ON DELETE CASCADE,
    public_id   BYTEA  NOT NULL UNIQUE CHECK (length(public_id) = 16)
);

CREATE TABLE ballots (
    id            BYTEA   PRIMARY KEY CHECK (length(id) = 16),
    election_id   BIGINT  NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    credential_id BIGINT  NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    sealed        BYTEA   NOT NULL,
    is_current    BOOLEAN NOT NULL,
    is_struck     BOOLEAN NOT NULL DEFAULT FALSE,
    strike_reason TEXT,
    CHECK (is_struck OR strike_reason IS NULL)
);
-- At most one current ballot per credential, whatever the races.
CREATE UNIQUE INDEX ballots_one_current ON ballots (credential_id) WHERE is_current;
CREATE INDEX ballots_by_election ON ballots (election_id, is_current, is_struck);
CREATE INDEX ballots_by_credential ON ballots (credential_id);

-- When each voter voted: private to admins and scrutineers, never joined to ballots.
CREATE TABLE vote_times (
    election_id BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id    BIGINT NOT NULL REFERENCES voters (id) ON DELETE CASCADE,
    at          BIGINT NOT NULL
);
CREATE INDEX vote_times_by_voter ON vote_times (voter_id, at);
CREATE INDEX vote_times_by_election ON vote_times (election_id);

-- Append-only and hash-chained. `election_id` NULL is the site-wide chain (accounts, roles).
-- No ON DELETE: an election with history cannot be deleted.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id BIGINT REFERENCES elections (id),
    seq         BIGINT NOT NULL CHECK (seq >= 1),
    at          BIGINT NOT NULL,
    actor       TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    details     TEXT   NOT NULL,
    prev_hash   BYTEA  NOT NULL CHECK (length(prev_hash) = 32),
    hash        BYTEA  NOT NULL CHECK (length(hash) = 32)
);
CREATE UNIQUE INDEX audit_log_chain ON audit_log ((coalesce(election_id, 0)), seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % rejected', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Key-generation rounds and decryption shares, one file per trustee and round, write-once.
CREATE TABLE trustee_files (
    election_id   BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    trustee_index BIGINT NOT NULL CHECK (trustee_index >= 1),
    round         BIGINT NOT NULL CHECK (round >= 1),
    payload       TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (election_id, trustee_index, round)
);

-- The shuffled set of counted ballots fixed at close; `hash` is the SHA-256 of `payload`.
CREATE TABLE frozen_sets (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    hash        BYTEA  NOT NULL CHECK (length(hash) = 32),
    payload     BYTEA  NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (election_id, hash)
);

CREATE TABLE results (
    election_id BIGINT  NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    question    TEXT    NOT NULL,
    report      TEXT    NOT NULL,
    published   BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (election_id, question)
);

CREATE TABLE jobs (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id    BIGINT REFERENCES elections (id) ON DELETE CASCADE,
    kind           TEXT   NOT NULL,
    state          TEXT   NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
    progress_done  BIGINT NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
    progress_total BIGINT NOT NULL CHECK (progress_total >= 0),
    message        TEXT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX jobs_by_election ON jobs (election_id, id);
