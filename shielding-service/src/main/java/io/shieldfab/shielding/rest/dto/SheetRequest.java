package io.shieldfab.shielding.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Solid-wall SE request: {@code material} or explicit {@code conductivitySPerM} + {@code relativePermeability}.
 */
@Schema(description = "Solid-wall shielding request")
public record SheetRequest(
        @Schema(ref = "ShieldingMetal", description = "a metal of the library; or give conductivitySPerM instead",
                example = "NICKEL")
        String material,
        @Schema(description = "σ, S/m (instead of material)") @Positive @DecimalMax("1e9") Double conductivitySPerM,
        @Schema(description = "μr; overrides the material's (nickel: frequency-dependent default curve)")
        @DecimalMin("1.0") @DecimalMax("1e6") Double relativePermeability,
        @Schema(description = "wall thickness, µm", example = "25") @NotNull @Positive @DecimalMax("1e6") Double thicknessUm,
        @Schema(description = "frequency, Hz", example = "2.45e9") @NotNull @Positive @DecimalMax("1e15") Double frequencyHz,
        @Schema(ref = "SheetField", description = "PLANE_WAVE (default), ELECTRIC_NEAR or MAGNETIC_NEAR") String field,
        @Schema(description = "source distance for the near-field forms, mm") @Positive @DecimalMax("1e9") Double sourceDistanceMm) {
}
