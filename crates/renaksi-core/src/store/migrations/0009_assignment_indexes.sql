-- The actions an OPD leads or supports, found by the OPD (issue #20): an
-- import looks them up several times per report, and without these it read
-- every action of the plan each time, which grows with a province's plan.
CREATE INDEX actions_lead_opd ON actions(lead_opd_id, plan_id);
CREATE INDEX action_supporting_opds_opd ON action_supporting_opds(opd_id, action_id);
