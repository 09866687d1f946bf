-- gateway schema, version 7: the per-key cap on open handoffs (shieldfab.handoff.max-open-per-key) counts one owner's
-- QUEUED and RUNNING handoffs on every submission; with only (owner_key_hash, created_at, id) that count read every
-- handoff the key ever submitted, a cost that grew with its history (docs/benchmarks.md, "Handoff cost"). Status first:
-- H2 answers "status IN (..) AND owner = ?" from this order of columns only (HandoffQueryPlanTest).
CREATE INDEX handoff_status_owner_idx ON handoff (status, owner_key_hash);
