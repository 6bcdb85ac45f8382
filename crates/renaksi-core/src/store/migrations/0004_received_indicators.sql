-- The indicators an OPD received from Bappeda's plan package (issue #16). An
-- OPD receives an indicator and its targets once; from then on the rows are
-- its own: a newer package never overwrites them, nor adds back one the OPD
-- deleted. No foreign key: the record outlives a deleted indicator.

CREATE TABLE received_indicators (
    indicator_id TEXT PRIMARY KEY,
    plan_id      TEXT NOT NULL,
    received_at  TEXT NOT NULL
) WITHOUT ROWID;
