-- Recounts after a withdrawal made once the election was counted: the original result stays
-- in `results` untouched, and the recount (the same ballots, method and options, with the
-- candidates in `withdrawn` left out) sits beside it. Published with the election's results,
-- or at once if they already are.
CREATE TABLE recounts (
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    question    TEXT    NOT NULL,
    report      TEXT    NOT NULL,
    published   INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (election_id, question)
) STRICT;
