-- Back to the OPD (issue #18): Bappeda's feedback file (Umpan balik) and the
-- OPD's replies to verifier notes.

-- At Bappeda: each feedback file written, one row per OPD and file. Its
-- sequence orders the files, max(last + 1, unix seconds when written), so a
-- restored older backup still writes above what an OPD took; an OPD takes
-- only a file newer than the last one it took. Its number is the count a
-- person reads ("Umpan balik ke-3"), never compared.
CREATE TABLE feedback_sent (
    id          TEXT PRIMARY KEY,
    plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    opd_id      TEXT NOT NULL REFERENCES opds(id),
    sequence    INTEGER NOT NULL CHECK (sequence >= 1),
    number      INTEGER NOT NULL CHECK (number >= 1),
    written_at  TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feedback_sent_opd ON feedback_sent(plan_id, opd_id, sequence);

-- At an OPD: the last feedback file taken for a plan (its sequence, and the
-- number a person reads; the default only serves plain SQL that predates it),
-- and whose key signed it.
CREATE TABLE feedback_taken (
    plan_id          TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
    sequence         INTEGER NOT NULL CHECK (sequence >= 1),
    number           INTEGER NOT NULL DEFAULT 1 CHECK (number >= 1),
    key_fingerprint  TEXT NOT NULL,
    written_at       TEXT NOT NULL,
    taken_at         TEXT NOT NULL
) WITHOUT ROWID;

-- At an OPD: the reports Bappeda says it received from this OPD, as of the
-- last feedback file (replaced whole each time one is taken).
CREATE TABLE feedback_reports (
    plan_id          TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    key_fingerprint  TEXT NOT NULL,
    sequence         INTEGER NOT NULL CHECK (sequence >= 1),
    year             INTEGER NOT NULL,
    quarter          INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    exported_at      TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    verified_at      TEXT,
    verified_by      TEXT,
    PRIMARY KEY (plan_id, key_fingerprint, sequence)
) WITHOUT ROWID;

-- At an OPD: Bappeda's verifier notes on this OPD's reports, actions and
-- indicators, as of the last feedback file (replaced whole each time). The id
-- is Bappeda's note id, which the OPD's replies name.
CREATE TABLE feedback_notes (
    id               TEXT PRIMARY KEY,
    plan_id          TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    subject_kind     TEXT NOT NULL CHECK (subject_kind IN ('report', 'action', 'indicator')),
    -- The action's or indicator's id; for a report note, empty.
    subject_id       TEXT NOT NULL DEFAULT '',
    subject_label    TEXT NOT NULL,
    -- For a report note: which report (its sequence and key), so the report
    -- history can show it.
    report_sequence  INTEGER,
    report_key       TEXT,
    author           TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    resolved_at      TEXT
);
CREATE INDEX feedback_notes_subject ON feedback_notes(subject_kind, subject_id);

-- Tanggapan: an OPD's replies to verifier notes. At an OPD, written here and
-- carried, signed, in every later report; at Bappeda, received with a report
-- and kept (a thread never loses a message). A reply is never edited: the
-- OPD writes another. `note_id` names Bappeda's note (no foreign key: at an
-- OPD it is a `feedback_notes` row, at Bappeda a `review_notes` row).
CREATE TABLE note_replies (
    id           TEXT PRIMARY KEY,
    note_id      TEXT NOT NULL,
    opd_id       TEXT NOT NULL REFERENCES opds(id),
    author       TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    -- At Bappeda: when a report brought it. At an OPD: when a feedback file
    -- said Bappeda has it.
    received_at  TEXT
);
CREATE INDEX note_replies_note ON note_replies(note_id, created_at);
