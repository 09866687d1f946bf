package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the gateway reads of a layout document (docs/layout.md): its id, the generator version the bundle's
 * manifest names, and the summary the portal shows. Only these fields; the rest of the document passes through
 * to shielding-service and recipe-service untouched.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LayoutResult(String id, Integer siteCount, Integer rows, Integer columns, String generatorVersion,
                           Panel panel, Metrics metrics) {

    /** The panel's outline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Panel(Double widthMm, Double heightMm) {
    }

    /** The layout metrics the portal lists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(Double platedAreaMm2, Integer openingCount, Double openingMaxDimensionMm,
                          Double wallThicknessUm, Double encapsulantVolumeMm3) {
    }
}
