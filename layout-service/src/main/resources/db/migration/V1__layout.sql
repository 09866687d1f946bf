-- layout-service schema, version 1: one row per generated layout.
CREATE TABLE layout (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name   VARCHAR(200) NOT NULL,
    revision      VARCHAR(50),
    site_count    INTEGER      NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    design_json   TEXT         NOT NULL,
    layout_json   TEXT         NOT NULL
);
CREATE INDEX layout_created_at_idx ON layout (created_at);
