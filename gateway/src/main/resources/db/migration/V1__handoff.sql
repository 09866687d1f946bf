-- gateway schema, version 1: one row per handoff.
CREATE TABLE handoff (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name  VARCHAR(200) NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    design_json  TEXT         NOT NULL
);
CREATE INDEX handoff_created_at_idx ON handoff (created_at);
