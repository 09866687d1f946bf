-- recipe-service schema, version 1: one row per recipe version.
CREATE TABLE recipe (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    design_name   VARCHAR(200) NOT NULL,
    version       INTEGER      NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    content_hash  VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    recipe_json   TEXT         NOT NULL
);
