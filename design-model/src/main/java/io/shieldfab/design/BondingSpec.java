package io.shieldfab.design;

/**
 * Bonding material on the conductive element, joined to connection pads of another element (claims 9, 10).
 *
 * @param material       solder alloy or conductive adhesive; default {@code SAC305} (also when bonding is omitted)
 * @param padSizeMm      side of each square bonding pad, mm, (0, 10]; default 0.3
 * @param padThicknessUm printed/dispensed thickness, µm, [1, 1000]; default 50
 * @param boardPadSizeMm side of the square ground pads on the board (the other element of claim 10) the shield's
 *                       pads are joined to, mm, (0, 10]; null when the design does not name them: the recipe then has
 *                       no board-attach step
 */
public record BondingSpec(
        BondingMaterial material,
        double padSizeMm,
        double padThicknessUm,
        Double boardPadSizeMm) {

    /** Whether the recipe joins the shield's pads to a board's pads (claim 10). */
    public boolean attachesToBoard() {
        return boardPadSizeMm != null;
    }

    public enum BondingMaterial { SAC305, SN63PB37, CONDUCTIVE_EPOXY }
}
