-- gateway schema, version 8: a handoff may ask for a full-wave (openEMS) verification of its shielding report; it
-- then waits for the run, and its bundle carries the model and the run's result (docs/api-guide.md, "Submit a handoff").
-- fullwave_mesh_json: the mesh asked for ({"cellsPerWavelength":20,"cellsPerOpening":2}), null when none was;
-- verification_id: the run in shielding-service, once queued.
ALTER TABLE handoff ADD COLUMN fullwave_mesh_json VARCHAR(100);
ALTER TABLE handoff ADD COLUMN verification_id VARCHAR(64);
