-- The installation's signing key travels with the database (issue #17, "keys
-- survive"): a backup is then complete by itself, and a restore on the same PC
-- or on a new one brings back the key that signs this office's reports (an
-- OPD) or plan packages (Bappeda). `kunci/` beside the database holds a copy,
-- kept in line with this row at start and after a restore (see `keys.rs`).
-- The secret never leaves through any export: reports and packages carry the
-- public key only, and open data carries no key at all.

CREATE TABLE installation_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    secret_hex  TEXT NOT NULL CHECK (length(secret_hex) = 64),
    public_key  TEXT NOT NULL,
    since       TEXT NOT NULL
);

-- Bappeda's key rotations: "key X is replaced by key Y from date D", signed by
-- X over Y's self-signature. Every plan package carries them all, so an OPD
-- that pinned any earlier key can follow the chain to the key that signed it.
CREATE TABLE key_rotations (
    new_public_key     TEXT PRIMARY KEY,
    old_public_key     TEXT NOT NULL UNIQUE,
    effective_from     TEXT NOT NULL,
    new_key_signature  TEXT NOT NULL,
    old_key_signature  TEXT NOT NULL,
    made_at            TEXT NOT NULL
) WITHOUT ROWID;
