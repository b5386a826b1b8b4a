-- TOTP secrets sealed at rest. SQLite twin: migrations/sqlite/0005_sealed_totp.sql.
--
-- Until now `accounts.totp_secret` held the raw seed, so a copy of the database let anyone
-- compute every staff member's codes. From this migration the web layer stores the seed sealed
-- with XChaCha20-Poly1305 under a server key kept outside the database (associated data: the
-- account id), and this column says which form a row holds: FALSE = raw seed written before
-- this migration, TRUE = sealed. The existing column is reused rather than a second one added,
-- so a row never holds both forms; the server seals every raw row when it starts (in one
-- transaction) and reads only sealed ones.
ALTER TABLE accounts ADD COLUMN totp_secret_sealed BOOLEAN NOT NULL DEFAULT FALSE;
