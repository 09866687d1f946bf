-- gateway schema, version 7: the per-key cap on open handoffs (shieldfab.handoff.max-open-per-key) counts one owner's
-- QUEUED and RUNNING handoffs on every submission; with only (owner_key_hash, created_at, id) that count read every
-- handoff the key ever submitted, a cost that grew with its history (docs/benchmarks.md, "Handoff cost").
CREATE INDEX handoff_owner_status_idx ON handoff (owner_key_hash, status);
