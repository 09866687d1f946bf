package io.shieldfab.recipe.rest.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Optional JSON body of approve/release; the request may also have no body at all.
 *
 * @param user    who approves or releases (1–100 characters); else the {@code X-User} header, else {@code api}
 * @param comment free text kept with the request log only
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LifecycleRequest(
        @Schema(description = "Who approves or releases", examples = "j.doe", maxLength = 100) String user,
        @Schema(description = "Free text") String comment) {
}
