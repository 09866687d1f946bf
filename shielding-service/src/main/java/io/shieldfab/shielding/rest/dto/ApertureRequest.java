package io.shieldfab.shielding.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Aperture SE request. */
@Schema(description = "Aperture shielding request")
public record ApertureRequest(
        @Schema(description = "largest opening dimension (diameter when ROUND), mm", example = "0.8")
        @NotNull @Positive @DecimalMax("1e6") Double lengthMm,
        @Schema(description = "openings on one face; default 1", example = "3") @Min(1) @Max(100_000_000) Integer count,
        @Schema(description = "frequency, Hz", example = "2.45e9") @NotNull @Positive @DecimalMax("1e15") Double frequencyHz,
        @Schema(description = "depth of the opening through the wall, mm; default 0", example = "0.025")
        @PositiveOrZero @DecimalMax("1e6") Double depthMm,
        @Schema(description = "εr of the medium filling the opening; default 1", example = "3.8")
        @DecimalMin("1.0") @DecimalMax("1000") Double relativePermittivity,
        @Schema(ref = "ApertureShape", description = "RECTANGULAR (default), ROUND, or NOTCH (a gap open at one edge of the wall, such as a"
                + " pillar gap: resonant at λ/4, no depth credit)") String shape) {
}
