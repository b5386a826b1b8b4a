-- Eligibility from wiki data (issue 6). SQLite twin: migrations/sqlite/0015_eligibility.sql.
--
-- `eligibility_rules`: an election's rules as JSON (urna-core `ElectionEligibility`: wikis,
-- cutoff, voter rules, candidate rules).
-- `eligibility_requests`: the accounts (`Name@wiki`) a fetch is to cover. A fetch stores one
-- `eligibility_snapshot` row per account, so accounts with a row are not fetched again after an
-- interruption, and progress is rows over requests.
-- `eligibility_snapshot`: what the wiki said of each account (`facts`, JSON) when fetched, and
-- the decisions the rules made from it; re-evaluating rules rewrites the decisions from the
-- stored facts, with no network.
CREATE TABLE eligibility_rules (
    election_id BIGINT PRIMARY KEY REFERENCES elections (id) ON DELETE CASCADE,
    rules       TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE eligibility_requests (
    election_id BIGINT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    account     TEXT   NOT NULL,
    PRIMARY KEY (election_id, account)
);

CREATE TABLE eligibility_snapshot (
    election_id        BIGINT  NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    account            TEXT    NOT NULL,
    facts              TEXT    NOT NULL,
    voter_decision     TEXT    NOT NULL,
    voter_eligible     BOOLEAN NOT NULL,
    candidate_decision TEXT,
    fetched_at         BIGINT  NOT NULL,
    PRIMARY KEY (election_id, account)
);
