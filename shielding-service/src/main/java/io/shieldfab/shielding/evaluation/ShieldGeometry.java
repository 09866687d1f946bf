package io.shieldfab.shielding.evaluation;

/**
 * The shield as the shielding checks see it: one depression with its walls and openings. Built from the
 * layout's metrics when a layout is given (the geometric truth), otherwise from the design.
 *
 * <pre>
 *   cavity (inside the side walls):  lengthMm × widthMm × depthMm
 *     lengthMm = bodyLength + 2·wallClearance, widthMm = bodyWidth + 2·wallClearance, depthMm = recess depth
 *   side wall:  ──[ l×w ]────[ l×w ]────[ l×w ]──   openingsPerWall slots, thickness wallThicknessUm
 * </pre>
 *
 * @param cavityLengthMm         inner length of the depression, mm
 * @param cavityWidthMm          inner width of the depression, mm
 * @param cavityDepthMm          inner depth (recess depth), mm
 * @param wallThicknessUm        plated wall thickness, µm
 * @param openingsPerWall        openings on one side wall (0 = closed walls)
 * @param openingMaxDimensionMm  largest dimension of one opening, mm (0 when closed): what the aperture rules use
 * @param openingLengthMm        opening length along the wall, mm (the enclosure model's slot length l)
 * @param openingHeightMm        opening height up the wall, mm (the enclosure model's slot width w)
 * @param source                 {@code LAYOUT} or {@code DESIGN}
 */
public record ShieldGeometry(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, double wallThicknessUm,
                             int openingsPerWall, double openingMaxDimensionMm, double openingLengthMm,
                             double openingHeightMm, String source) {

    public boolean hasOpenings() {
        return openingsPerWall > 0 && openingMaxDimensionMm > 0;
    }
}
