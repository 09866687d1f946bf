package io.shieldfab.design;

/**
 * Shielding requirements.
 *
 * @param minShieldingDb required shielding effectiveness at every checked frequency, dB, [0, 200]; default 30
 * @param apertureRule   the design rule for opening size; default {@code LAMBDA_OVER_20}
 * @param nearFieldSource what the package radiates at its walls, when the designer knows; null when not given: the
 *                       shielding evaluation then takes the worse of both (docs/shielding.md, "Solid wall: source
 *                       distance")
 */
public record Requirements(
        double minShieldingDb,
        ApertureRule apertureRule,
        NearFieldSource nearFieldSource) {

    /** Requirements that do not name the near-field source. */
    public Requirements(double minShieldingDb, ApertureRule apertureRule) {
        this(minShieldingDb, apertureRule, null);
    }

    /**
     * The kind of field the package's circuit makes near it, where the walls are (closer than λ/2π): a high-impedance,
     * electric one (voltage-driven: a PA's output, a clock line into a high-impedance load) or a low-impedance,
     * magnetic one (current loops: an inductor, a DC-DC converter, a low-impedance driver). The wall reflects an
     * electric near field far better than a magnetic one (Ott 2009, Ch. 6).
     */
    public enum NearFieldSource { ELECTRIC, MAGNETIC }

    /** Largest allowed opening as a fraction of the wavelength in the filling medium. */
    public enum ApertureRule {
        LAMBDA(1), LAMBDA_OVER_2(2), LAMBDA_OVER_20(20), LAMBDA_OVER_50(50);

        public final int divisor;

        ApertureRule(int divisor) {
            this.divisor = divisor;
        }
    }
}
