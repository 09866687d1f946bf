package io.shieldfab.layout.geometry;

/**
 * One straight saw cut.
 *
 * @param axis       the direction the saw travels: {@code X} = a horizontal cut at y = position,
 *                   {@code Y} = a vertical cut at x = position
 * @param positionNm the cut's centre line, nm from the panel's lower-left corner
 * @param lengthNm   cut length, nm (edge to edge of the panel)
 */
public record Cut(Axis axis, long positionNm, long lengthNm) {

    public enum Axis { X, Y }
}
