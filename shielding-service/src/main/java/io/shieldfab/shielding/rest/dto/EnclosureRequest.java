package io.shieldfab.shielding.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enclosure SE request (Robinson et al. 1998). */
@Schema(description = "Rectangular enclosure with slot apertures in one wall")
public record EnclosureRequest(
        @Schema(description = "a: width of the aperture wall, along the slot, mm", example = "300")
        @NotNull @Positive @DecimalMax("1e5") Double widthMm,
        @Schema(description = "b: height of the aperture wall, mm", example = "120")
        @NotNull @Positive @DecimalMax("1e5") Double heightMm,
        @Schema(description = "d: depth of the enclosure, mm", example = "300")
        @NotNull @Positive @DecimalMax("1e5") Double depthMm,
        @Schema(description = "l: slot length, mm", example = "100") @NotNull @Positive @DecimalMax("1e5") Double apertureLengthMm,
        @Schema(description = "w: slot width, mm", example = "5") @NotNull @Positive @DecimalMax("1e5") Double apertureWidthMm,
        @Schema(description = "t: wall thickness, mm", example = "1.5") @NotNull @Positive @DecimalMax("1e5") Double wallThicknessMm,
        @Schema(description = "identical slots side by side; default 1") @Min(1) @Max(10_000) Integer apertureCount,
        @Schema(description = "p: probe distance from the aperture wall, mm", example = "150")
        @NotNull @Positive @DecimalMax("1e5") Double probeDistanceMm,
        @Schema(description = "frequency, Hz", example = "7e8") @NotNull @Positive @DecimalMax("1e13") Double frequencyHz,
        @Schema(description = "εr of the filling; default 1") @DecimalMin("1.0") @DecimalMax("1000") Double relativePermittivity) {
}
