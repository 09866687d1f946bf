-- shielding-service schema, version 1: one row per evaluation report.
-- report_json holds the whole report (frequencies, resonances, findings, sweep) as the API returns it;
-- input_hash is the SHA-256 of the canonical request, idempotency_key the client's Idempotency-Key header.
CREATE TABLE evaluation (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name      VARCHAR(200) NOT NULL,
    verdict          VARCHAR(10)  NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    input_hash       VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(200),
    report_json      TEXT         NOT NULL,
    CONSTRAINT uq_evaluation_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_evaluation_created_at ON evaluation (created_at);
