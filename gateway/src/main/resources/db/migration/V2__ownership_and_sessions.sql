-- gateway schema, version 2: who owns what the services made, and portal sessions ended by sign-out.

-- The owner of each layout, evaluation and recipe created through the gateway's forwarded API (POST, or a PUT
-- that made a new recipe version). Artefacts made by a handoff are owned through the handoff row. Any other id is
-- answered 404 without reaching the service (docs/architecture.md, "Ownership").
CREATE TABLE artefact_owner (
    kind             VARCHAR(20)   NOT NULL,
    artefact_id      VARCHAR(64)   NOT NULL,
    owner_key_hash   VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    PRIMARY KEY (kind, artefact_id)
);

-- Looking an artefact up through the handoff that made it.
CREATE INDEX handoff_layout_idx ON handoff (layout_id);
CREATE INDEX handoff_report_idx ON handoff (report_id);
CREATE INDEX handoff_recipe_idx ON handoff (recipe_id);

-- Portal sessions signed out before they expired: the session cookie is stateless and signed, so sign-out records
-- its nonce here, shared by every replica, until the cookie would have expired anyway.
CREATE TABLE portal_session_revoked (
    session_nonce    VARCHAR(64)   NOT NULL PRIMARY KEY,
    expires_at       TIMESTAMP     NOT NULL
);
CREATE INDEX portal_session_revoked_expires_idx ON portal_session_revoked (expires_at);
