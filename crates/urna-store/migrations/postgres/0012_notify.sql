-- Notifications: delivery status with the SMTP reply, bounces, a leased outbox, scheduled
-- reminders, voters' languages and the turnout quorum. SQLite twin: migrations/sqlite/0012_notify.sql.

-- A link e-mail may also be `bounced`: refused for good (a 5xx reply), not worth retrying
-- unchanged. `reply` is the SMTP server's answer, whatever the outcome (it never holds the
-- message, so never the link).
ALTER TABLE link_deliveries DROP CONSTRAINT link_deliveries_status_check;
ALTER TABLE link_deliveries ADD CONSTRAINT link_deliveries_status_check
    CHECK (status IN ('queued', 'sent', 'failed', 'bounced'));
ALTER TABLE link_deliveries RENAME COLUMN error TO reply;

-- Scheduled reminders to voters who have not voted: `before_close_minutes` before the end of
-- voting (so an extension moves them), with optional texts per language (JSON: the election
-- texts' `{"default": .., "texts": {..}}`, or NULL for the standard message). `queued_at`
-- is set, by compare-and-set, when its notices are put in the outbox: once per reminder.
CREATE TABLE reminders (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id          BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    before_close_minutes BIGINT NOT NULL CHECK (before_close_minutes > 0),
    texts                TEXT,
    queued_at            BIGINT,
    created_at           BIGINT NOT NULL,
    UNIQUE (election_id, before_close_minutes)
);

-- The outbox: `bounced` (a 5xx reply, not retried) and `skipped` (a reminder to a voter who
-- voted before it went out). A sender claims rows for a lease (`claimed_until`); `claim`
-- counts the claims, so a sender whose lease was taken over cannot record its outcome.
-- A reminder's notices carry its id: one per voter and reminder, whatever retries queueing.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
    CHECK (status IN ('queued', 'sent', 'failed', 'bounced', 'skipped'));
ALTER TABLE mail_outbox ADD COLUMN claimed_until BIGINT;
ALTER TABLE mail_outbox ADD COLUMN claim BIGINT NOT NULL DEFAULT 0 CHECK (claim >= 0);
ALTER TABLE mail_outbox ADD COLUMN reminder_id BIGINT REFERENCES reminders (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX mail_outbox_one_per_reminder ON mail_outbox (reminder_id, voter_id);

-- The language a voter reads (from the voter list's `language` column): notices and
-- reminders are written in it when the server has it, else in the election's language.
CREATE TABLE voter_languages (
    voter_id BIGINT PRIMARY KEY REFERENCES voters (id) ON DELETE CASCADE,
    lang     TEXT   NOT NULL
);

-- An optional quorum: how many voters must vote for the election to count.
CREATE TABLE election_quorums (
    election_id BIGINT PRIMARY KEY REFERENCES elections (id) ON DELETE CASCADE,
    voters      BIGINT NOT NULL CHECK (voters > 0),
    updated_at  BIGINT NOT NULL
);
