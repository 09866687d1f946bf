-- shielding-service schema, version 3: what drives a verification's dipole (docs/shielding.md, "The pulse"):
-- BROADBAND over every checked frequency (every run before this version), or OPERATING_FREQUENCY, centred on the
-- first harmonic.
ALTER TABLE verification ADD COLUMN pulse VARCHAR(20) DEFAULT 'BROADBAND' NOT NULL;
