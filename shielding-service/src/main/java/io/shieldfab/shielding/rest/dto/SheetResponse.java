package io.shieldfab.shielding.rest.dto;

import io.shieldfab.shielding.physics.FieldType;
import io.shieldfab.shielding.physics.Material;

/**
 * Solid-wall SE. The first five fields are the docs/api-guide.md contract; the rest say which inputs were used
 * ({@code material} null when conductivitySPerM was given instead).
 */
public record SheetResponse(double skinDepthUm, double absorptionDb, double reflectionDb, double multipleReflectionDb,
                            double totalDb, Material material, double conductivitySPerM, double relativePermeability,
                            FieldType field, double thicknessUm, double frequencyHz) {
}
