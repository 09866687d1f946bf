package io.shieldfab.design.process;

/**
 * The margins the fill model applies (docs/physics.md, section 6).
 *
 * @param fillerFactor k: the smallest pathway dimension must be at least k × the filler top cut, so the largest
 *                     particles cannot bridge and block a pathway (an underfill rule of thumb, gap ≥ about 3 × top
 *                     cut; no citable source yet, docs/physics.md section 6); &gt; 0
 * @param gelFraction  the share of the gel (or working) time the fill may take, (0, 1]; the rest is margin for the
 *                     viscosity rising as the resin starts to cure
 */
public record FillPolicy(double fillerFactor, double gelFraction) {

    /** k = 3 (rule of thumb, see above) and half the gel time (house rule margin). */
    public static final FillPolicy DEFAULT = new FillPolicy(3.0, 0.5);

    public FillPolicy {
        if (!Double.isFinite(fillerFactor) || fillerFactor <= 0) {
            throw new IllegalArgumentException("fillerFactor must be a positive number, was " + fillerFactor);
        }
        if (!Double.isFinite(gelFraction) || gelFraction <= 0 || gelFraction > 1) {
            throw new IllegalArgumentException("gelFraction must be in (0, 1], was " + gelFraction);
        }
    }
}
