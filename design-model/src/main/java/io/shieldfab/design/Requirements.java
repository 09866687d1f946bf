package io.shieldfab.design;

/**
 * Shielding requirements.
 *
 * @param minShieldingDb required shielding effectiveness at every checked frequency, dB, [0, 200]; default 30
 * @param apertureRule   the design rule for opening size; default {@code LAMBDA_OVER_20}
 */
public record Requirements(
        double minShieldingDb,
        ApertureRule apertureRule) {

    /** Largest allowed opening as a fraction of the wavelength in the filling medium. */
    public enum ApertureRule {
        LAMBDA(1), LAMBDA_OVER_2(2), LAMBDA_OVER_20(20), LAMBDA_OVER_50(50);

        public final int divisor;

        ApertureRule(int divisor) {
            this.divisor = divisor;
        }
    }
}
