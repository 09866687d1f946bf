package io.shieldfab.shielding.rest.dto;

import io.shieldfab.shielding.physics.ApertureShape;

/**
 * Aperture SE; the first four fields are the docs/api-guide.md contract. {@code resonantLengthMm} is λ/2, or λ/4
 * for a NOTCH ({@code halfWavelengthMm} stays λ/2 for every shape); {@code depthCreditApplied} says whether the
 * waveguide-below-cutoff credit was taken (only at depth/length ≥ 1, never for a notch: docs/shielding.md).
 */
public record ApertureResponse(double wavelengthMm, double seDb, double cutoffFrequencyHz, double depthAttenuationDb,
                               double singleApertureSeDb, double countPenaltyDb, double halfWavelengthMm, int count,
                               ApertureShape shape, double resonantLengthMm, boolean depthCreditApplied) {
}
