-- The checkuser right: a site-wide staff right a site operator grants (issue 8, Access). For
-- now it grants nothing beyond a plain signed-in staff account; it exists so that the access
-- table covers the role from the start. PostgreSQL twin: migrations/postgres/0008_checkuser.sql.
ALTER TABLE accounts ADD COLUMN is_checkuser INTEGER NOT NULL DEFAULT 0 CHECK (is_checkuser IN (0, 1));
