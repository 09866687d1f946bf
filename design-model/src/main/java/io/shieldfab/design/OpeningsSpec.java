package io.shieldfab.design;

/**
 * Pathways in each of the four side walls of every depression, through which the encapsulant flows
 * between depressions (claims 12–13). Every opening must be smaller than the wavelength (claims 14, 23). Which
 * style carries flow in which encapsulation stage is {@link io.shieldfab.design.geometry.FlowRoute}.
 *
 * <pre>
 *   TROUGHS:  ‾‾‾\_/‾‾‾‾\_/‾‾‾‾\_/‾‾‾   perWall notches in the rib top, lengthMm wide, heightMm deep below the land;
 *                                        open channels over the rib, flow with the support in place (claims 13, 16)
 *   SLOTS:    ───[ ]─────[ ]─────[ ]───   perWall holes of lengthMm × heightMm through the wall; they open into the
 *                                        wall space, so flow only after the support is removed (claims 13, 15)
 *   PILLARS:  █ █ █ █ █ █ █ █ █ █ █ █    wall made of spaced pillars; the perWall gaps are the openings (claim 22)
 * </pre>
 *
 * <p>Across fields: on the shorter inner wall (body + 2 × wallClearance), SLOTS and TROUGHS need
 * (2 × perWall − 1) × lengthMm &lt; wall (an opening length of solid wall between openings), PILLARS need
 * perWall × lengthMm &lt; wall; {@code heightMm} ≤ the mandrel recess depth (the wall height).
 *
 * @param style    required; {@code TROUGHS}, {@code SLOTS}, {@code PILLARS} or {@code NONE}
 * @param perWall  openings per side wall: required and 1..100 for SLOTS/TROUGHS/PILLARS; 0 (default) for NONE
 * @param lengthMm opening length along the wall (for PILLARS: the gap between pillars), mm: required, (0, 100] for
 *                 SLOTS/TROUGHS/PILLARS; 0 (default) for NONE
 * @param heightMm opening height up the wall, mm: required, (0, 20] for SLOTS/TROUGHS/PILLARS; 0 (default) for NONE
 */
public record OpeningsSpec(
        OpeningStyle style,
        int perWall,
        double lengthMm,
        double heightMm) {

    public enum OpeningStyle { SLOTS, TROUGHS, PILLARS, NONE }

    /** Largest dimension of one opening, mm: what the aperture rules compare with the wavelength. */
    public double maxDimensionMm() {
        return style == OpeningStyle.NONE || perWall == 0 ? 0.0 : Math.max(lengthMm, heightMm);
    }
}
