-- The checkuser right: a site-wide staff right a site operator grants (issue 8, Access). For
-- now it grants nothing beyond a plain signed-in staff account; it exists so that the access
-- table covers the role from the start. SQLite twin: migrations/sqlite/0008_checkuser.sql.
ALTER TABLE accounts ADD COLUMN is_checkuser BOOLEAN NOT NULL DEFAULT FALSE;
