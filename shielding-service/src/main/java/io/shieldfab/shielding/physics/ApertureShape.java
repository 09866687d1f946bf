package io.shieldfab.shielding.physics;

/** Cross-section of an opening seen as a waveguide through the wall. */
public enum ApertureShape {
    /** Slot or rectangle; the largest dimension L is the broad side (TE10 cutoff). */
    RECTANGULAR,
    /** Round hole; L is the diameter (TE11 cutoff). */
    ROUND
}
