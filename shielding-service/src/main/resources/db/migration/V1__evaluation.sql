-- shielding-service schema, version 1: one row per evaluation report.
-- report_json holds the whole report (frequencies, resonances, findings, sweep) as the API returns it;
-- input_hash is the SHA-256 of the canonical request (equal inputs give equal reports).
CREATE TABLE evaluation (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name  VARCHAR(200) NOT NULL,
    verdict      VARCHAR(10)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    input_hash   VARCHAR(64)  NOT NULL,
    report_json  TEXT         NOT NULL
);
CREATE INDEX ix_evaluation_created_at ON evaluation (created_at);
