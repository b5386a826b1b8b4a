-- A revision number per election, raised by every UPDATE of its row. PostgreSQL twin:
-- migrations/postgres/0003_election_revision.sql.
--
-- The web server keeps parsed elections in memory; a voter's row is read together with its
-- election's revision, so a cached election is used only while it is the one in the database,
-- without reading the election again on every request. The trigger, not the callers, raises
-- it: an UPDATE that forgets cannot leave a stale copy in use.
ALTER TABLE elections ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0);

CREATE TRIGGER elections_raise_revision AFTER UPDATE ON elections
WHEN NEW.revision = OLD.revision
BEGIN
    UPDATE elections SET revision = OLD.revision + 1 WHERE id = NEW.id;
END;
