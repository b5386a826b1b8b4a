-- Notifications: delivery status with the SMTP reply, bounces, a leased outbox, scheduled
-- reminders, voters' languages and the turnout quorum. PostgreSQL twin:
-- migrations/postgres/0012_notify.sql (comments there). SQLite cannot change a CHECK
-- constraint, so the two mail tables are rebuilt and their rows copied.

CREATE TABLE link_deliveries_new (
    voter_id   INTEGER PRIMARY KEY REFERENCES voters (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'bounced')),
    reply      TEXT,
    updated_at INTEGER NOT NULL
) STRICT;
INSERT INTO link_deliveries_new (voter_id, status, reply, updated_at)
    SELECT voter_id, status, error, updated_at FROM link_deliveries;
DROP TABLE link_deliveries;
ALTER TABLE link_deliveries_new RENAME TO link_deliveries;

CREATE TABLE reminders (
    id                   INTEGER PRIMARY KEY,
    election_id          INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    before_close_minutes INTEGER NOT NULL CHECK (before_close_minutes > 0),
    texts                TEXT,
    queued_at            INTEGER,
    created_at           INTEGER NOT NULL,
    UNIQUE (election_id, before_close_minutes)
) STRICT;

CREATE TABLE mail_outbox_new (
    id              INTEGER PRIMARY KEY,
    election_id     INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    voter_id        INTEGER NOT NULL REFERENCES voters (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    details         TEXT    NOT NULL,
    status          TEXT    NOT NULL
                    CHECK (status IN ('queued', 'sent', 'failed', 'bounced', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    next_attempt_at INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    claimed_until   INTEGER,
    claim           INTEGER NOT NULL DEFAULT 0 CHECK (claim >= 0),
    reminder_id     INTEGER REFERENCES reminders (id) ON DELETE CASCADE
) STRICT;
INSERT INTO mail_outbox_new (id, election_id, voter_id, kind, details, status, attempts,
                             last_error, next_attempt_at, created_at, updated_at)
    SELECT id, election_id, voter_id, kind, details, status, attempts, last_error,
           next_attempt_at, created_at, updated_at FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_new RENAME TO mail_outbox;
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_election ON mail_outbox (election_id);
CREATE UNIQUE INDEX mail_outbox_one_per_reminder ON mail_outbox (reminder_id, voter_id);

CREATE TABLE voter_languages (
    voter_id INTEGER PRIMARY KEY REFERENCES voters (id) ON DELETE CASCADE,
    lang     TEXT    NOT NULL
) STRICT;

CREATE TABLE election_quorums (
    election_id INTEGER PRIMARY KEY REFERENCES elections (id) ON DELETE CASCADE,
    voters      INTEGER NOT NULL CHECK (voters > 0),
    updated_at  INTEGER NOT NULL
) STRICT;
