-- Stored answers to creating POSTs that carried an Idempotency-Key (rest/IdempotencyFilter).
-- Numbered 90 so that the service's own schema versions can grow below it.
CREATE TABLE idempotent_response (
    idem_key      VARCHAR(255)  NOT NULL,
    request_path  VARCHAR(500)  NOT NULL,
    status        INTEGER       NOT NULL,
    location      VARCHAR(1000),
    content_type  VARCHAR(100)  NOT NULL,
    body          TEXT          NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (idem_key, request_path)
);
