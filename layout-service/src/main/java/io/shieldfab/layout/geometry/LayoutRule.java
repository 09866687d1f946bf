package io.shieldfab.layout.geometry;

import io.shieldfab.design.RuleCode;

/**
 * The rules the layout checks and warns about, as a {@code rule} member of a violation (docs/layout.md). The
 * geometric ones have the names of the design rules they repeat ({@code io.shieldfab.design.DesignRule}): layout
 * checks a {@link LayoutSpec} with the same {@code DepressionGeometry} predicates, so a design validation accepts
 * never fails them.
 */
public enum LayoutRule implements RuleCode {
    /** The recess (outer footprint) fits in the pitch. */
    RECESS_WITHIN_PITCH,
    /** The kerf is narrower than the street. */
    KERF_WITHIN_STREET,
    /** The openings fit on the shorter inner wall. */
    OPENINGS_ON_WALL,
    /** An opening is no taller than the side wall. */
    OPENING_HEIGHT,
    /** Every length is at least one grid step, 1 nm. */
    LAYOUT_GRID,
    /** The panel's coordinates fit a long (a guard: validation limits the panel to 2 m a side). */
    PANEL_COORDINATES,
    /** Warning: the bonding pads do not fit on the land between side wall and kerf and are left out. */
    PADS_ON_LAND
}
