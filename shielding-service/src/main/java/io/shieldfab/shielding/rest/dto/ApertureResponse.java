package io.shieldfab.shielding.rest.dto;

/** Aperture SE; the first four fields are the docs/api-guide.md contract. */
public record ApertureResponse(double wavelengthMm, double seDb, double cutoffFrequencyHz, double depthAttenuationDb,
                               double singleApertureSeDb, double countPenaltyDb, double halfWavelengthMm, int count,
                               String shape) {
}
