-- The OGP end-of-commitment self-assessment (issue #19): for each action of a
-- plan, what Bappeda records with the lead OPD when the commitment ends. One
-- row per action; an action without a row has not been assessed yet.
CREATE TABLE self_assessments (
    action_id          TEXT PRIMARY KEY REFERENCES actions(id) ON DELETE CASCADE,
    -- The IRM completion scale.
    completion         TEXT NOT NULL
        CHECK (completion IN ('belum_dimulai', 'terbatas', 'substansial', 'selesai')),
    -- "Did it open government?"
    opened_government  TEXT NOT NULL
        CHECK (opened_government IN ('memburuk', 'tidak_berubah', 'marginal', 'besar', 'luar_biasa')),
    explanation        TEXT NOT NULL DEFAULT '',
    -- The evidence links, http or https only, as a JSON array of strings.
    evidence_links     TEXT NOT NULL DEFAULT '[]',
    -- Who recorded it (never published) and when.
    recorded_by        TEXT NOT NULL,
    recorded_at        TEXT NOT NULL
) WITHOUT ROWID;
