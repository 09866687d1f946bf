package io.shieldfab.design;

/**
 * The rules across fields of a design document, numbered as in docs/design-document.md ("Rules across fields").
 * A violation of one carries the constant's name in its {@code rule} member.
 */
public enum DesignRule implements RuleCode {
    /** 1: the depression's outer footprint (recess) is narrower than the pitch. */
    RECESS_WITHIN_PITCH,
    /** 2: the saw kerf is narrower than the street between depressions (claim 1). */
    KERF_WITHIN_STREET,
    /** 3: the panel outline is at most {@link DesignLimits#PANEL_SIDE_MAX_MM} per side. */
    PANEL_SIDE,
    /** 4: the openings fit on the shorter inner wall. */
    OPENINGS_ON_WALL,
    /** 5: an opening is no taller than the side wall (the recess depth). */
    OPENING_HEIGHT,
    /** 7 (warning): the recess depth is about the package height (claim 8). */
    RECESS_DEPTH,
    /** 8 (warning): hollow walls are encapsulated after the support is removed (claim 15). */
    HOLLOW_WALL_ORDER,
    /** 9: a length does not round to 0 on the layout's 1 nm grid. */
    LAYOUT_GRID,
    /** 10: the layout files stay within the output limits. */
    OUTPUT_SIZE,
    /** 11 (warning; recipe-service refuses it with 422): the openings carry flow in the chosen stage (claims 13, 15, 16). */
    FLOW_PATH,
    /** 12: at most one gate or dispense point per site of a row. */
    GATES_WITHIN_ROW
}
