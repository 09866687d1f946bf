package io.shieldfab.shielding.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shieldfab.design.Requirements.ApertureRule;

/**
 * The rules of a shielding evaluation (docs/shielding.md, "Evaluations"). The constant's name is the rule code on
 * the wire ({@code frequencies[].rules[].rule}, {@code findings[].rule}).
 */
@Schema(name = "ShieldingRule", description = "rule code of a shielding evaluation (docs/shielding.md, \"Evaluations\");"
        + " codes are only ever added")
public enum ShieldingRule {

    /**
     * L &lt; λ at the operating frequency: claims 14 and 23 require every opening to be smaller than the wavelength
     * of the signal the package operates at, and say nothing of harmonics.
     */
    OPENING_BELOW_WAVELENGTH,
    /**
     * L &lt; λ at a harmonic: an engineering rule, not the claims' (a WARN; what fails there is the resonance and
     * the SE requirement, docs/shielding.md).
     */
    OPENING_BELOW_WAVELENGTH_AT_HARMONIC,
    /** L &lt; λ/2: at half a wavelength a closed opening resonates and no longer shields. */
    OPENING_BELOW_HALF_WAVELENGTH,
    /** L &lt; λ/4: an open-ended notch (pillar gap) resonates at a quarter wavelength and no longer shields. */
    OPENING_BELOW_QUARTER_WAVELENGTH,
    /** The configured rule of thumb L &lt; λ/N, one constant per {@link ApertureRule}. */
    APERTURE_LAMBDA,
    APERTURE_LAMBDA_OVER_2,
    APERTURE_LAMBDA_OVER_20,
    APERTURE_LAMBDA_OVER_50,
    /** Aperture SE of the openings on one wall ≥ the required SE. */
    APERTURE_SHIELDING,
    /** Solid-wall SE ≥ the required SE. */
    WALL_SHIELDING,
    /**
     * SE of the seam between the can's rim and the board ≥ the required SE: each unbonded stretch between bonding
     * pads is a slot at the board interface (docs/shielding.md, "Seams").
     */
    SEAM_SHIELDING,
    /** No cavity mode of the depression within the margin of a checked frequency. */
    CAVITY_RESONANCE,
    /**
     * The opening window is not empty: some opening is large enough for the fill (k × filler top cut, and the flow
     * along the chain) and small enough for the shielding at every checked frequency (docs/shielding.md,
     * "Opening window"; claims 13 vs 14).
     */
    OPENING_WINDOW,
    /** A note: more harmonics asked for than are checked. */
    CHECKS_TRUNCATED,
    /** A note: the enclosure model does not apply to these openings. */
    ENCLOSURE_MODEL_NOT_APPLICABLE,
    /** A note: the layout gives no seam (an older layout), so the seam is not checked. */
    SEAM_NOT_EVALUATED;

    /** The rule for the design's configured aperture rule, e.g. {@code APERTURE_LAMBDA_OVER_20}. */
    public static ShieldingRule aperture(ApertureRule rule) {
        return switch (rule) {
            case LAMBDA -> APERTURE_LAMBDA;
            case LAMBDA_OVER_2 -> APERTURE_LAMBDA_OVER_2;
            case LAMBDA_OVER_20 -> APERTURE_LAMBDA_OVER_20;
            case LAMBDA_OVER_50 -> APERTURE_LAMBDA_OVER_50;
        };
    }

    /** The code on the wire. */
    public String code() {
        return name();
    }
}
