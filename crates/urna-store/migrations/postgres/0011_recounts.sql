-- Recounts after a withdrawal made once the election was counted: the original result stays
-- in `results` untouched, and the recount (the same ballots, method and options, with the
-- candidates in `withdrawn` left out) sits beside it. Published with the election's results,
-- or at once if they already are.
CREATE TABLE recounts (
    election_id BIGINT  NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    question    TEXT    NOT NULL,
    report      TEXT    NOT NULL,
    published   BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (election_id, question)
);
