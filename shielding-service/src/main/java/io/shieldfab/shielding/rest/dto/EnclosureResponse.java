package io.shieldfab.shielding.rest.dto;

/**
 * Enclosure SE; {@code seElectricDb} and {@code seMagneticDb} are the docs/api-guide.md contract (negative where a
 * resonance amplifies the field). {@code firstResonanceHz} is the loaded-box TE10 mode resonance
 * c/(2√εr)·√(1/a² + 1/d²) near which the SE dips; {@code effectiveApertureWidthMm} the thin-wall corrected we.
 */
public record EnclosureResponse(double seElectricDb, double seMagneticDb, double firstResonanceHz,
                                double effectiveApertureWidthMm, double frequencyHz) {
}
