package io.shieldfab.design.process;

import io.shieldfab.design.RuleCode;

/** The checks of the fill model (docs/physics.md, section 6). */
public enum FillRule implements RuleCode {
    /** The smallest pathway dimension is at least k × the filler top cut. */
    FILLER_PASSES_OPENING,
    /** The chain of depressions fed from one gate fills within the allowed share of the gel time. */
    FILL_WITHIN_GEL_TIME,
    /** The air of each depression can escape ahead of the encapsulant. */
    DEPRESSIONS_VENTED,
    /** The air of the hollow wall space can escape (or there is no wall space to fill). */
    WALL_SPACE_VENTED,
    /** Information only: where the duct-flow formula is outside its range and what the time then means. */
    FLOW_MODEL_RANGE
}
