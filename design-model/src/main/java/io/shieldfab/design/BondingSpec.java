package io.shieldfab.design;

/**
 * Bonding material on the conductive element, joined to connection pads of another element (claims 9, 10).
 *
 * @param material       solder alloy or conductive adhesive; default {@code SAC305} (also when bonding is omitted)
 * @param padSizeMm      side of each square bonding pad, mm, (0, 10]; default 0.3
 * @param padThicknessUm printed/dispensed thickness, µm, [1, 1000]; default 50
 */
public record BondingSpec(
        BondingMaterial material,
        double padSizeMm,
        double padThicknessUm) {

    public enum BondingMaterial { SAC305, SN63PB37, CONDUCTIVE_EPOXY }
}
