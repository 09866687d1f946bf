-- gateway schema, version 3: webhook signing secrets per API key (docs/operations.md, "Webhook secrets").

-- A key's current secret has no expiry; a rotation gives the earlier ones one (the end of the overlap), after
-- which they are deleted. The secret is stored encrypted (AES-256-GCM), named by the fingerprint of its key.
CREATE TABLE webhook_secret (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_key_hash  VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    expires_at      TIMESTAMP,
    key_id          VARCHAR(16)   NOT NULL,
    sealed_secret   VARCHAR(200)  NOT NULL
);
CREATE INDEX webhook_secret_owner_idx ON webhook_secret (owner_key_hash, created_at);
