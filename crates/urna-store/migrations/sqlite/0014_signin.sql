-- Voter sign-in through wiki accounts (MediaWiki OAuth 2.0) and OpenID Connect providers.
-- PostgreSQL twin: migrations/postgres/0014_signin.sql.
--
-- `election_signin`: which sign-in providers an election accepts (urna-web's JSON document);
-- an election without a row accepts voting links only.
CREATE TABLE election_signin (
    election_id INTEGER PRIMARY KEY REFERENCES elections (id) ON DELETE CASCADE,
    settings    TEXT    NOT NULL
) STRICT;

-- `signin_attempts`: a sign-in that left for a provider and has not come back yet. Keyed by
-- the SHA-256 (hex) of its `state` (the state itself travels only through the browser), bound
-- to the browser by the SHA-256 of a random cookie, and taken (deleted) by the callback, so a
-- state is used at most once. The PKCE verifier and the nonce never leave the server.
CREATE TABLE signin_attempts (
    state_hash   TEXT    PRIMARY KEY CHECK (length(state_hash) = 64),
    browser_hash TEXT    NOT NULL CHECK (length(browser_hash) = 64),
    provider     TEXT    NOT NULL,
    election     TEXT    NOT NULL,
    verifier     TEXT    NOT NULL,
    nonce        TEXT    NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX signin_attempts_by_expiry ON signin_attempts (expires_at);
