package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Consumer-side view of layout-service's layout JSON: only what shielding needs; everything else is ignored
 * so the layout may grow. {@code metrics.openingCount}, {@code openingMaxDimensionMm} and
 * {@code wallThicknessUm} are the docs/api-guide.md contract and required; the opening's length and height and the
 * cavity size ({@code site}) are used when the layout gives them, else taken from the design.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LayoutView(String id, Integer siteCount, Site site, Metrics metrics) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(Long openingCount, Double openingMaxDimensionMm, Double openingLengthMm,
                          Double openingHeightMm, Double wallThicknessUm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Site(Double cavityLengthMm, Double cavityWidthMm, Double cavityDepthMm) {
    }
}
