package io.shieldfab.recipe.process;

/** The fabrication steps whose order the claims constrain; each becomes a unit procedure. */
public enum Step {
    MANDREL_PREPARATION,
    ELECTROFORMING,
    ASSEMBLY,
    SUPPORT_REMOVAL,
    REAR_COVERING,
    ENCAPSULATION,
    SINGULATION
}
