package io.shieldfab.recipe.process;

/**
 * The fabrication steps whose order the claims constrain; each becomes a unit procedure. The names are part of the
 * recipe JSON (docs/recipe.md §1), so steps are only ever added.
 */
public enum Step {
    MANDREL_PREPARATION,
    ELECTROFORMING,
    ASSEMBLY,
    SUPPORT_REMOVAL,
    REAR_COVERING,
    ENCAPSULATION,
    /** Takes the rear covering layer off the cured encapsulant (claim 15). */
    REAR_COVER_REMOVAL,
    SINGULATION,
    /** Joins each singulated shield's bonding pads to the board's pads (claim 10); only when the design names them. */
    BOARD_ATTACH
}
