package io.shieldfab.design;

/**
 * Bonding material on the conductive element, joined to connection pads of another element (claims 9, 10).
 *
 * @param material       solder alloy or conductive adhesive; default {@code SAC305} (also when bonding is omitted)
 * @param padSizeMm      side of each square bonding pad, mm, (0, 10]; default 0.3; with {@code RING} the width of
 *                       the ring
 * @param padThicknessUm printed/dispensed thickness, µm, [1, 1000]; default 50
 * @param boardPadSizeMm side of the square ground pads on the board (the other element of claim 10) the shield's
 *                       pads are joined to, mm, (0, 10]; null when the design does not name them: the recipe then has
 *                       no board-attach step
 * @param pattern        how the rim is bonded: square pads on the four lands ({@code PADS}, default) or one closed
 *                       ring round the depression ({@code RING}); a ring leaves no seam gap (docs/layout.md §4)
 * @param padsPerSide    square pads on each of the four lands, 1..20, default 1, with {@code PADS}; null with
 *                       {@code RING} (no square pads)
 */
public record BondingSpec(
        BondingMaterial material,
        double padSizeMm,
        double padThicknessUm,
        Double boardPadSizeMm,
        BondingPattern pattern,
        Integer padsPerSide) {

    /** Pads per side when a {@code PADS} design does not say: one pad mid-land, the default. */
    public static final int DEFAULT_PADS_PER_SIDE = 1;

    /** A missing pattern is {@code PADS}; {@code PADS} without a count has one pad a side, a ring has no count. */
    public BondingSpec {
        if (pattern == null) {
            pattern = BondingPattern.PADS;
        }
        if (pattern == BondingPattern.RING) {
            padsPerSide = null;
        } else if (padsPerSide == null) {
            padsPerSide = DEFAULT_PADS_PER_SIDE;
        }
    }

    /** One square pad on each land ({@code PADS}, one a side): the default bonding (one pad mid-land on each side). */
    public BondingSpec(BondingMaterial material, double padSizeMm, double padThicknessUm, Double boardPadSizeMm) {
        this(material, padSizeMm, padThicknessUm, boardPadSizeMm, BondingPattern.PADS, DEFAULT_PADS_PER_SIDE);
    }

    /** Whether the recipe joins the shield's pads to a board's pads (claim 10). */
    public boolean attachesToBoard() {
        return boardPadSizeMm != null;
    }

    public enum BondingMaterial { SAC305, SN63PB37, CONDUCTIVE_EPOXY }

    /** {@code PADS}: square pads along each land, seams open between them; {@code RING}: one closed bond line. */
    public enum BondingPattern { PADS, RING }
}
