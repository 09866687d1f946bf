package io.shieldfab.shielding.rest.dto;

import io.shieldfab.shielding.fullwave.FullwaveModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What mesh a verification runs on and what drives it; every field optional (the standard mesh, broadband). */
@Schema(name = "VerificationRequest")
public record VerificationRequest(
        @Schema(description = "cells per wavelength at the highest checked frequency, in each medium: 20 (default, the "
                + "standard mesh) to 60", minimum = "20", maximum = "60") Integer cellsPerWavelength,
        @Schema(description = "cells across the smaller dimension of an opening: 2 (default) to 8", minimum = "2",
                maximum = "8") Integer cellsPerOpening,
        @Schema(description = "what drives the model's dipole: BROADBAND (default; figures at every checked frequency, "
                + "those it excites too weakly flagged as lower bounds) or OPERATING_FREQUENCY (a pulse centred on the "
                + "first harmonic, run for 16 of its widths: that frequency's figure alone, with the reference there "
                + "69 dB stronger (the Wi-Fi) against the solver's rounding floor; docs/shielding.md, \"The pulse\")",
                defaultValue = "BROADBAND")
        FullwaveModel.PulseKind pulse) {

    /** The pulse asked for; broadband when none is named. */
    public FullwaveModel.PulseKind pulseOrDefault() {
        return pulse == null ? FullwaveModel.PulseKind.BROADBAND : pulse;
    }
}
