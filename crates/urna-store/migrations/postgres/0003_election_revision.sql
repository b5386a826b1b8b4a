-- A revision number per election, raised by every UPDATE of its row. SQLite twin:
-- migrations/sqlite/0003_election_revision.sql (the reasons are written there).
ALTER TABLE elections ADD COLUMN revision BIGINT NOT NULL DEFAULT 0 CHECK (revision >= 0);

CREATE FUNCTION elections_raise_revision() RETURNS trigger AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER elections_raise_revision BEFORE UPDATE ON elections
FOR EACH ROW EXECUTE FUNCTION elections_raise_revision();
