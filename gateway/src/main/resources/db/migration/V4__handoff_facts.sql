-- gateway schema, version 4: who submitted a handoff, and what a finished handoff shows (docs/architecture.md,
-- "Handoff pipeline").

-- The submitting API key's name, sent to the services as X-User when the handoff's work calls them.
ALTER TABLE handoff ADD COLUMN submitted_by VARCHAR(100);

-- The facts of a SUCCEEDED handoff, stored with its bundle: verdict, weakest harmonic and SE per harmonic, findings,
-- layout and recipe summaries, the bundle's files. The portal reads them here instead of unzipping the bundle.
CREATE TABLE handoff_facts (
    handoff_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    facts_json   TEXT         NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);
