package io.shieldfab.shielding.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What mesh a verification runs on; both optional (the standard mesh). */
@Schema(name = "VerificationRequest")
public record VerificationRequest(
        @Schema(description = "cells per wavelength at the highest checked frequency, in each medium: 20 (default, the "
                + "standard mesh) to 60", minimum = "20", maximum = "60") Integer cellsPerWavelength,
        @Schema(description = "cells across the smaller dimension of an opening: 2 (default) to 8", minimum = "2",
                maximum = "8") Integer cellsPerOpening) {
}
