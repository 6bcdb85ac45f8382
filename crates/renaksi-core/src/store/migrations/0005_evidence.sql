-- Issue #17: at Bappeda, a piece of file evidence arrives in an OPD's report
-- (its name and SHA-256, signed) before its file: the file comes in the
-- report's evidence bundle, with it or later. Such a row has no stored path
-- until then ("belum diterima"), so the CHECK no longer asks for one.
-- Rebuilt the SQLite way: new table, copy, drop, rename, indexes. Nothing
-- refers to evidence, so the rebuild takes no other rows along.

CREATE TABLE evidence_0005 (
    id            TEXT PRIMARY KEY,
    opd_id        TEXT NOT NULL REFERENCES opds(id),
    milestone_id  TEXT REFERENCES milestones(id) ON DELETE CASCADE,
    indicator_id  TEXT REFERENCES indicators(id) ON DELETE CASCADE,
    year          INTEGER,
    quarter       INTEGER CHECK (quarter IS NULL OR quarter BETWEEN 1 AND 4),
    kind          TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    title         TEXT NOT NULL DEFAULT '',
    file_name     TEXT,
    stored_path   TEXT,
    sha256        TEXT,
    url           TEXT,
    created_at    TEXT NOT NULL,
    CHECK ((milestone_id IS NULL) <> (indicator_id IS NULL)),
    CHECK (indicator_id IS NULL OR (year IS NOT NULL AND quarter IS NOT NULL)),
    CHECK (kind <> 'file' OR (file_name IS NOT NULL AND sha256 IS NOT NULL)),
    CHECK (kind <> 'link' OR url IS NOT NULL)
);
INSERT INTO evidence_0005
    (id, opd_id, milestone_id, indicator_id, year, quarter, kind, title,
     file_name, stored_path, sha256, url, created_at)
    SELECT id, opd_id, milestone_id, indicator_id, year, quarter, kind, title,
           file_name, stored_path, sha256, url, created_at
    FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_0005 RENAME TO evidence;
CREATE INDEX evidence_milestone ON evidence(milestone_id);
CREATE INDEX evidence_indicator ON evidence(indicator_id);
-- The bundle's files are matched to rows by their hash.
CREATE INDEX evidence_sha256 ON evidence(sha256) WHERE sha256 IS NOT NULL;
