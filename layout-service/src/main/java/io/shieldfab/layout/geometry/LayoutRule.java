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
    PADS_ON_LAND,
    /** A coordinate beyond GDSII's signed 32-bit range even at the coarsest database unit (422). */
    GDS_COORDINATE_RANGE,
    /** An array reference beyond GDSII's 32767 columns or rows (422). */
    GDS_AREF_SIZE,
    /** A flat file asked for more sites than the service draws flat (422, docs/api-guide.md). */
    FLAT_OUTPUT_SITE_LIMIT,
    /** A file larger than the service's output limits (422, docs/design-document.md "Output size"). */
    OUTPUT_SIZE_LIMIT
}
