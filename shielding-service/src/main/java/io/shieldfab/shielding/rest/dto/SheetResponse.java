package io.shieldfab.shielding.rest.dto;

/**
 * Solid-wall SE. The first five fields are the docs/api-guide.md contract; the rest say which inputs were used.
 */
public record SheetResponse(double skinDepthUm, double absorptionDb, double reflectionDb, double multipleReflectionDb,
                            double totalDb, String material, double conductivitySPerM, double relativePermeability,
                            String field, double thicknessUm, double frequencyHz) {
}
