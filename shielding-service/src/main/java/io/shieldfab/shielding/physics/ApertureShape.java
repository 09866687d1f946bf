package io.shieldfab.shielding.physics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Cross-section of an opening seen as a waveguide through the wall. */
@Schema(name = "ApertureShape", description = "RECTANGULAR, ROUND, or NOTCH (open at one edge: resonant at λ/4, no"
        + " depth credit)")
public enum ApertureShape {
    /** Slot or rectangle; the largest dimension L is the broad side (TE10 cutoff). */
    RECTANGULAR,
    /** Round hole; L is the diameter (TE11 cutoff). */
    ROUND,
    /**
     * Gap open at one edge of the wall (a pillar gap): L is its length from the open edge; it resonates at λ/4
     * and, not being a closed waveguide, gets no depth credit (docs/shielding.md, "Pillar gaps").
     */
    NOTCH
}
