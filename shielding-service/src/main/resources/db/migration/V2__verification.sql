-- shielding-service schema, version 2: full-wave verification runs of an evaluation (docs/shielding.md,
-- "Verification runs"). A run is QUEUED, RUNNING (held by one replica until lease_until, renewed while openEMS
-- runs), then SUCCEEDED with result_json or FAILED with failure_reason. A RUNNING row whose lease ran out (its
-- replica stopped) is queued again; attempts counts the starts.
CREATE TABLE verification (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    evaluation_id        VARCHAR(36)   NOT NULL REFERENCES evaluation (id),
    status               VARCHAR(10)   NOT NULL,
    cells_per_wavelength INTEGER       NOT NULL,
    cells_per_opening    INTEGER       NOT NULL,
    cell_count           BIGINT,
    created_at           TIMESTAMP     NOT NULL,
    started_at           TIMESTAMP,
    finished_at          TIMESTAMP,
    lease_until          TIMESTAMP,
    attempts             INTEGER       NOT NULL,
    failure_reason       VARCHAR(1000),
    result_json          TEXT
);
CREATE INDEX ix_verification_evaluation ON verification (evaluation_id, created_at);
CREATE INDEX ix_verification_status ON verification (status, created_at);
