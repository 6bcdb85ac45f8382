-- Renaksi schema, version 1: the whole model of the product brief.
-- Identifiers are UUID strings so that rows keep their identity when they travel
-- between offices in workbooks. Dates are ISO 8601 text (YYYY-MM-DD), times are
-- RFC 3339 UTC text.

CREATE TABLE plans (
    id          TEXT PRIMARY KEY,
    region      TEXT NOT NULL,
    title       TEXT NOT NULL,
    year_start  INTEGER NOT NULL,
    year_end    INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    adopted_on  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (year_end >= year_start AND year_end - year_start < 10)
);

-- Quarters of each plan year: due dates for reports and closure by Bappeda.
CREATE TABLE periods (
    plan_id   TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    year      INTEGER NOT NULL,
    quarter   INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    due_date  TEXT,
    closed    INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    PRIMARY KEY (plan_id, year, quarter)
);

-- Implementing offices of the regency (Organisasi Perangkat Daerah).
CREATE TABLE opds (
    id         TEXT PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    head_name  TEXT NOT NULL DEFAULT '',
    head_nip   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE themes (
    id           TEXT PRIMARY KEY,
    plan_id      TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, seq)
);

-- Commitments, with the fields of the OGP commitment template.
CREATE TABLE actions (
    id                  TEXT PRIMARY KEY,
    plan_id             TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    theme_id            TEXT NOT NULL REFERENCES themes(id),
    code                TEXT NOT NULL,
    title               TEXT NOT NULL,
    problem             TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    contribution        TEXT NOT NULL DEFAULT '',
    value_transparency  INTEGER NOT NULL DEFAULT 0 CHECK (value_transparency IN (0, 1)),
    value_participation INTEGER NOT NULL DEFAULT 0 CHECK (value_participation IN (0, 1)),
    value_accountability INTEGER NOT NULL DEFAULT 0 CHECK (value_accountability IN (0, 1)),
    value_technology_innovation INTEGER NOT NULL DEFAULT 0 CHECK (value_technology_innovation IN (0, 1)),
    lead_opd_id         TEXT NOT NULL REFERENCES opds(id),
    cso_partners        TEXT NOT NULL DEFAULT '',
    start_date          TEXT,
    end_date            TEXT,
    updated_at          TEXT NOT NULL,
    UNIQUE (plan_id, code),
    CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX actions_theme ON actions(theme_id);

CREATE TABLE action_supporting_opds (
    action_id  TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    opd_id     TEXT NOT NULL REFERENCES opds(id),
    PRIMARY KEY (action_id, opd_id)
);

-- Verifiable steps of an action, each owned by one OPD.
CREATE TABLE milestones (
    id          TEXT PRIMARY KEY,
    action_id   TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    opd_id      TEXT NOT NULL REFERENCES opds(id),
    seq         INTEGER NOT NULL,
    title       TEXT NOT NULL,
    output      TEXT NOT NULL DEFAULT '',
    start_date  TEXT,
    end_date    TEXT,
    status      TEXT NOT NULL DEFAULT 'belum_dimulai'
                CHECK (status IN ('belum_dimulai', 'terbatas', 'substansial', 'selesai')),
    updated_at  TEXT NOT NULL,
    CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX milestones_action ON milestones(action_id);
CREATE INDEX milestones_opd ON milestones(opd_id);

CREATE TABLE indicators (
    id           TEXT PRIMARY KEY,
    action_id    TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    milestone_id TEXT REFERENCES milestones(id) ON DELETE SET NULL,
    opd_id       TEXT NOT NULL REFERENCES opds(id),
    seq          INTEGER NOT NULL,
    description  TEXT NOT NULL,
    unit         TEXT NOT NULL DEFAULT '',
    baseline     REAL,
    polarity     TEXT NOT NULL DEFAULT 'positif' CHECK (polarity IN ('positif', 'negatif')),
    aggregation  TEXT NOT NULL DEFAULT 'kumulatif'
                 CHECK (aggregation IN ('kumulatif', 'persentase', 'nilai_akhir')),
    updated_at   TEXT NOT NULL
);
CREATE INDEX indicators_action ON indicators(action_id);
CREATE INDEX indicators_opd ON indicators(opd_id);

CREATE TABLE targets (
    indicator_id  TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    quarter       INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    value         REAL NOT NULL CHECK (value >= 0),
    PRIMARY KEY (indicator_id, year, quarter)
);

CREATE TABLE realisations (
    indicator_id  TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    quarter       INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    value         REAL CHECK (value IS NULL OR value >= 0),
    notes         TEXT NOT NULL DEFAULT '',
    obstacles     TEXT NOT NULL DEFAULT '',
    follow_up     TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (indicator_id, year, quarter)
);

-- Bukti dukung: a file copied into the data folder (with its SHA-256) or a link,
-- attached to exactly one milestone or one realisation.
CREATE TABLE evidence (
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
    CHECK (kind <> 'file' OR (file_name IS NOT NULL AND stored_path IS NOT NULL AND sha256 IS NOT NULL)),
    CHECK (kind <> 'link' OR url IS NOT NULL)
);
CREATE INDEX evidence_milestone ON evidence(milestone_id);
CREATE INDEX evidence_indicator ON evidence(indicator_id);

-- Reports received from OPDs (at Bappeda) or exported (at an OPD).
CREATE TABLE reports (
    id              TEXT PRIMARY KEY,
    plan_id         TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    opd_id          TEXT NOT NULL REFERENCES opds(id),
    year            INTEGER NOT NULL,
    quarter         INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    sequence        INTEGER NOT NULL CHECK (sequence >= 1),
    direction       TEXT NOT NULL CHECK (direction IN ('exported', 'imported')),
    exported_at     TEXT NOT NULL,
    received_at     TEXT,
    file_name       TEXT NOT NULL DEFAULT '',
    file_sha256     TEXT NOT NULL DEFAULT '',
    key_fingerprint TEXT NOT NULL DEFAULT '',
    verified_at     TEXT,
    verified_by     TEXT
);
CREATE INDEX reports_opd_period ON reports(opd_id, year, quarter);

-- Trust on first use: the public key Bappeda pinned for each OPD.
CREATE TABLE opd_keys (
    opd_id        TEXT PRIMARY KEY REFERENCES opds(id),
    public_key    BLOB NOT NULL,
    first_seen_at TEXT NOT NULL,
    pending_key   BLOB,
    pending_since TEXT
);

-- Catatan verifikator on a report, an action or an indicator.
CREATE TABLE review_notes (
    id           TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('report', 'action', 'indicator')),
    subject_id   TEXT NOT NULL,
    author       TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    resolved_at  TEXT
);
CREATE INDEX review_notes_subject ON review_notes(subject_kind, subject_id);

-- Co-creation: workshops, their participants, CSO inputs and reasoned responses.
CREATE TABLE cocreation_sessions (
    id         TEXT PRIMARY KEY,
    plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    held_on    TEXT NOT NULL,
    place      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE session_participants (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES cocreation_sessions(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    organisation  TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL CHECK (kind IN ('opd', 'cso', 'other')),
    opd_id        TEXT REFERENCES opds(id)
);

CREATE TABLE session_inputs (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES cocreation_sessions(id) ON DELETE CASCADE,
    action_id     TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    author        TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE input_responses (
    input_id      TEXT PRIMARY KEY REFERENCES session_inputs(id) ON DELETE CASCADE,
    decision      TEXT NOT NULL
                  CHECK (decision IN ('diterima', 'diterima_dengan_perubahan', 'ditolak')),
    reason        TEXT NOT NULL DEFAULT '',
    responded_by  TEXT NOT NULL,
    responded_at  TEXT NOT NULL,
    CHECK (decision = 'diterima' OR length(trim(reason)) > 0)
);

-- Named snapshots of the plan (draft, final, ...), for showing what changed.
CREATE TABLE plan_versions (
    id          TEXT PRIMARY KEY,
    plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    snapshot    TEXT NOT NULL
);

-- Audit history: who changed what, when, old -> new.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    operation  TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete', 'import', 'load', 'undo')),
    field      TEXT,
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
