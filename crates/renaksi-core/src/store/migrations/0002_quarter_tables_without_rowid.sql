-- Targets and realisations are stored in their key's order (indicator, year,
-- quarter) instead of in a table plus a separate key index: an import writes
-- one B-tree per table instead of two, and the overview and the rekap read an
-- indicator's quarters as one range instead of an index look-up and a row
-- look-up per quarter. Same columns, same checks, same rows.

CREATE TABLE targets_by_key (
    indicator_id  TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    quarter       INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    value         REAL NOT NULL CHECK (value >= 0),
    PRIMARY KEY (indicator_id, year, quarter)
) WITHOUT ROWID;
INSERT INTO targets_by_key (indicator_id, year, quarter, value)
    SELECT indicator_id, year, quarter, value FROM targets;
DROP TABLE targets;
ALTER TABLE targets_by_key RENAME TO targets;

CREATE TABLE realisations_by_key (
    indicator_id  TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    quarter       INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    value         REAL CHECK (value IS NULL OR value >= 0),
    notes         TEXT NOT NULL DEFAULT '',
    obstacles     TEXT NOT NULL DEFAULT '',
    follow_up     TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (indicator_id, year, quarter)
) WITHOUT ROWID;
INSERT INTO realisations_by_key
    (indicator_id, year, quarter, value, notes, obstacles, follow_up, updated_at)
    SELECT indicator_id, year, quarter, value, notes, obstacles, follow_up, updated_at
    FROM realisations;
DROP TABLE realisations;
ALTER TABLE realisations_by_key RENAME TO realisations;
