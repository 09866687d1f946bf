-- gateway schema, version 5: the opening window of a handoff's shielding report (docs/shielding.md, "Opening
-- window"): the fill's lower and the shielding's upper limit on the openings, shown with the verdict and written to
-- the bundle's manifest.
ALTER TABLE handoff ADD COLUMN opening_window_json TEXT;
