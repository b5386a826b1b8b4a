-- Web sessions (urna-web's SessionStore) and the TOTP replay guard. PostgreSQL twin:
-- migrations/postgres/0002_web_sessions.sql.
--
-- `sessions` (0001) is for signed-in staff only. Web sessions also exist before sign-in (they
-- carry the CSRF token of the sign-in form) and for voters, so they live here. `key` is the
-- SHA-256 (hex) of the session id in the cookie: a copy of this table cannot be replayed as a
-- cookie. `principal` is who signed in (JSON written by urna-web), NULL before sign-in.
CREATE TABLE web_sessions (
    key        TEXT    PRIMARY KEY CHECK (length(key) = 64),
    principal  TEXT,
    csrf_token TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);

-- The last TOTP time step accepted per account: a code is refused unless its step is later,
-- so an observed code cannot be replayed (RFC 6238 §5.2).
CREATE TABLE totp_used_steps (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_step  INTEGER NOT NULL CHECK (last_step >= 0)
) STRICT;
