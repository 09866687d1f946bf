-- layout-service schema, version 1: one row per generated layout.
-- design_json is the canonical design (defaults applied) the files are regenerated from;
-- layout_json is the layout document as returned by the API when it was created.
CREATE TABLE layout (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name       VARCHAR(200) NOT NULL,
    revision          VARCHAR(50),
    site_count        INTEGER      NOT NULL,
    created_at        TIMESTAMP    NOT NULL,
    generator_version VARCHAR(20)  NOT NULL,
    design_sha256     VARCHAR(64)  NOT NULL,
    design_json       TEXT         NOT NULL,
    layout_json       TEXT         NOT NULL
);
CREATE INDEX layout_created_at_idx ON layout (created_at);
