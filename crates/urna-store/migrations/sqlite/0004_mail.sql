-- E-mail to voters. PostgreSQL twin: migrations/postgres/0004_mail.sql.
--
-- `link_deliveries`: whether each voter's voting link was e-mailed. Status only: the token is
-- made at send time, goes into the message in memory and is never written here (the voter's
-- row keeps only its hash), so a copy of this table lets nobody vote. `error` is the SMTP
-- server's answer, which never contains the message. A crash mid-send leaves `queued`.
CREATE TABLE link_deliveries (
    voter_id   INTEGER PRIMARY KEY REFERENCES voters (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    error      TEXT,
    updated_at INTEGER NOT NULL
) STRICT;

-- Notices to voters (ballot struck, end extended, candidate withdrawn). They carry no secret:
-- `kind` and `details` (JSON) are rendered into a message in the election's language when
-- sent. `queued` rows are retried with backoff from `next_attempt_at`; after the last attempt
-- the row is `failed` with the last error.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    election_id     INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id        INTEGER NOT NULL REFERENCES voters (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    details         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    next_attempt_at INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_election ON mail_outbox (election_id);
