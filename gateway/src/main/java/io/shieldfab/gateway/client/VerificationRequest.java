package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST …/evaluations/{id}/verifications}: the mesh densities, both optional (null: shielding-service's
 * standard mesh; docs/shielding.md, "Verification runs"). Null fields are left out, so the standard mesh is {@code {}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerificationRequest(Integer cellsPerWavelength, Integer cellsPerOpening) {

    /** What the portal asks for: the standard mesh (20 cells per wavelength, 2 across an opening). */
    static final VerificationRequest STANDARD_MESH = new VerificationRequest(null, null);
}
