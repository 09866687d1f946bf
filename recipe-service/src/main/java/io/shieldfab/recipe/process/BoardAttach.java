package io.shieldfab.recipe.process;

/**
 * Joining the singulated shields to a board (claim 10: the conductive element is joined to connection pads of
 * another element with the bonding material). The board's ground pad must be at least as large as the shield's
 * bonding pad it receives: a smaller board pad leaves the shield pad overhanging it, so no solder fillet forms at
 * the overhang and the joint can neither be inspected nor hold its full area (land patterns are made at least the
 * size of the termination they receive, IPC-7351; docs/recipe.md §3, "Board attach"). Refused with a 422 rather
 * than warned, because the recipe would otherwise release a joint the fab cannot inspect.
 */
public final class BoardAttach {

    /** Largest board pad the design allows, mm ({@code DesignLimits.BOARD_PAD_SIZE_MM}). */
    public static final double MAX_BOARD_PAD_SIZE_MM = 10;

    private BoardAttach() {
    }

    /**
     * @param shieldPadMm side of the shield's bonding pads (the layout's {@code bondingPadSizeMm}), mm
     * @param boardPadMm  side of the board's ground pads ({@code bonding.boardPadSizeMm}), mm
     * @throws ProcessRuleException {@link ProcessRule#BOARD_PAD_SIZE} when the board pad is the smaller
     */
    public static void check(double shieldPadMm, double boardPadMm) {
        if (boardPadMm < shieldPadMm) {
            throw new ProcessRuleException(ProcessRule.BOARD_PAD_SIZE, "The board's ground pads ("
                    + "bonding.boardPadSizeMm " + Units.round(boardPadMm, 4) + " mm) are smaller than the shield's"
                    + " bonding pads (" + Units.round(shieldPadMm, 4) + " mm): the shield pads would overhang them and"
                    + " the joints could not form a fillet (claim 10). Make bonding.boardPadSizeMm at least "
                    + Units.round(shieldPadMm, 4) + " mm, or bonding.padSizeMm at most " + Units.round(boardPadMm, 4)
                    + " mm.");
        }
    }
}
