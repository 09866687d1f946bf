-- The SHA-256 fingerprint of the request that got each stored answer (IdempotentResponses.fingerprint): a repeat of
-- an Idempotency-Key with a different request is refused (422) instead of being told the first answer.
-- Nullable: answers stored before this version, or by an old replica during a rolling upgrade, have none and are
-- replayed unchecked (docs/api-guide.md §4).
ALTER TABLE idempotent_response ADD COLUMN request_sha256 VARCHAR(64);
