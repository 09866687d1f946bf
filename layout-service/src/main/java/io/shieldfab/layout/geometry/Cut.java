package io.shieldfab.layout.geometry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One straight saw cut.
 *
 * @param axis       the direction the saw travels: {@code X} = a horizontal cut at y = position,
 *                   {@code Y} = a vertical cut at x = position
 * @param positionNm the cut's centre line, nm from the panel's lower-left corner
 * @param lengthNm   cut length, nm (edge to edge of the panel)
 */
public record Cut(Axis axis, long positionNm, long lengthNm) {

    /** The wire value of a cut list's {@code axis} (OpenAPI component {@code CutAxis}). */
    @Schema(name = "CutAxis", description = "X: the saw travels along X; Y: along Y")
    public enum Axis { X, Y }
}
