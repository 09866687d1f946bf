-- shielding-service schema, version 1: one row per evaluation report.
CREATE TABLE evaluation (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name  VARCHAR(200) NOT NULL,
    verdict      VARCHAR(10)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    report_json  TEXT         NOT NULL
);
