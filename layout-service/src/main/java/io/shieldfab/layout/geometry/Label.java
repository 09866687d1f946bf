package io.shieldfab.layout.geometry;

/**
 * A text label, anchored at its centre.
 *
 * @param text     the text (ASCII)
 * @param x        anchor x, nm
 * @param y        anchor y, nm
 * @param heightNm nominal character height, nm (used by DXF and SVG; GDSII text has no size)
 */
public record Label(String text, long x, long y, long heightNm) {
}
