-- recipe-service schema, version 1: one row per recipe version.
-- A released row is never updated again (the service refuses it); a change makes a new version.
CREATE TABLE recipe (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name      VARCHAR(200) NOT NULL,
    design_revision  VARCHAR(100) NOT NULL,
    layout_id        VARCHAR(100),
    version          INTEGER      NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    content_hash     VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    approved_at      TIMESTAMP,
    approved_by      VARCHAR(100),
    released_at      TIMESTAMP,
    released_by      VARCHAR(100),
    previous_id      VARCHAR(36),
    design_json      TEXT         NOT NULL,
    recipe_json      TEXT         NOT NULL,
    CONSTRAINT uq_recipe_design_version UNIQUE (design_name, version)
);

CREATE INDEX ix_recipe_design_name ON recipe (design_name);
