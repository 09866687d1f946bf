package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Consumer-side view of layout-service's layout JSON: only what shielding needs; everything else is ignored so the
 * layout may grow. Which members are required and why: {@code ShieldGeometry.from} and docs/shielding.md
 * ("Geometry"). Counts are read as numbers and checked to be whole, so that 12.5 openings is refused, not truncated.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LayoutView(String id, Integer siteCount, Site site, Metrics metrics) {

    /**
     * The seam members ({@code bondingPattern}, {@code seamGapCount}, {@code seamLongestGapMm}) and the encapsulant's
     * {@code route} ({@code PILLAR_GAPS}: the openings are notches open at one end) are optional: a layout without them is evaluated without the seam check (a note says so) and with the design's
     * opening style for the opening shape. The drawn pads ({@code bondingPadSizeMm}, {@code bondingPads}) are
     * optional too: without them the full-wave model cannot place the seam's gaps and says so.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(Double openingsPerSite, Double openingsPerWall, Double openingMaxDimensionMm,
                          Double openingLengthMm, Double openingHeightMm, Double openingDepthMm,
                          Double wallThicknessUm, String route, String bondingPattern, Double seamGapCount,
                          Double seamLongestGapMm, Double bondingPadSizeMm, List<Pad> bondingPads) {
    }

    /** A drawn bonding pad's centre relative to the site centre (layout metrics {@code bondingPads[]}), mm. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pad(Double xMm, Double yMm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Site(Double cavityLengthMm, Double cavityWidthMm, Double cavityDepthMm) {
    }
}
