-- recipe-service schema, version 2: the optional comment recorded with an approval and with a release
-- (rest.dto.LifecycleRequest, at most 500 characters). Who approved or released stays in approved_by/released_by:
-- the caller's identity, never a name from the request body (docs/recipe.md §6).
-- Numbered below V90 (idempotent_response): databases that already have V90 apply it out of order
-- (quarkus.flyway.out-of-order in application.properties).
ALTER TABLE recipe ADD COLUMN approval_comment VARCHAR(500);
ALTER TABLE recipe ADD COLUMN release_comment VARCHAR(500);
