-- Bappeda writes its own plan (issue #16). What the plan editor needs beyond
-- version 2, added without rebuilding any table (so no child row is touched):
-- - the predikat bands of each plan (JSON of the five bands, highest first;
--   NULL means the evaluation convention OPDs already use);
-- - the OPD directory's short name and the head of office's title, the defaults
--   of each OPD's signature block;
-- - archiving instead of deleting: a theme, action or OPD that has data is
--   archived with a reason (NULL archived_at = in use). Nothing an OPD entered
--   is lost because the plan changed.

ALTER TABLE plans ADD COLUMN grade_bands TEXT;

ALTER TABLE opds ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
ALTER TABLE opds ADD COLUMN head_title TEXT NOT NULL DEFAULT '';
ALTER TABLE opds ADD COLUMN archived_at TEXT;
ALTER TABLE opds ADD COLUMN archive_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE themes ADD COLUMN archived_at TEXT;
ALTER TABLE themes ADD COLUMN archive_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE actions ADD COLUMN archived_at TEXT;
ALTER TABLE actions ADD COLUMN archive_reason TEXT NOT NULL DEFAULT '';
