package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Consumer-side view of layout-service's layout JSON (API.md): only what shielding needs; everything else
 * is ignored so the layout may grow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LayoutView(String id, Integer siteCount, Metrics metrics) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(Integer openingCount, Double openingMaxDimensionMm, Double wallThicknessUm) {
    }
}
