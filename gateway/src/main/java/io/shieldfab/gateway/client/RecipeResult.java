package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the gateway reads of a recipe (docs/recipe.md): its id, version and lifecycle status, content hash, and
 * the summary the portal lists.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecipeResult(String id, Integer version, String status, String contentHash, Summary summary) {

    /** The recipe's totals. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String depositMetal, Double platingCurrentA, Double platingDurationS, Double depositMassG,
                          Double encapsulantVolumeMm3, Double totalCutLengthMm, Double singulationDurationS) {
    }
}
