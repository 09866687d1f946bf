package io.shieldfab.recipe.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/recipes/calculations/plating}.
 *
 * @param metal                 {@code COPPER}, {@code NICKEL} or {@code GOLD} (claim 6)
 * @param thicknessUm           deposit thickness, µm
 * @param currentDensityAPerDm2 cathode current density, A/dm²
 * @param areaMm2               plated area, mm²
 * @param efficiency            cathode current efficiency 0–1; the metal's default when absent
 * @param bathTemperatureC      optional bath temperature, °C, checked against the bath window
 * @param bathPh                optional bath pH, checked against the bath window
 */
public record PlatingRequest(
        @Schema(examples = "NICKEL", required = true) @NotBlank String metal,
        @Schema(examples = "25", required = true) @NotNull @Positive @DecimalMax("10000") Double thicknessUm,
        @Schema(examples = "2.0", required = true) @NotNull @Positive @DecimalMax("100") Double currentDensityAPerDm2,
        @Schema(examples = "10000", required = true) @NotNull @Positive Double areaMm2,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double efficiency,
        Double bathTemperatureC,
        Double bathPh) {
}
