package io.shieldfab.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shielding verdict a handoff carries (shielding-service's report verdict, docs/shielding.md): the OpenAPI enum
 * {@code HandoffVerdict} of {@link HandoffView#verdict()}. The handoff stores and sends the report's word as it is.
 */
@Schema(name = "HandoffVerdict", description = "The shielding verdict: PASS, WARN or FAIL (FAIL when the opening"
        + " window is empty)")
public enum Verdict { PASS, WARN, FAIL }
