package io.shieldfab.shielding.rest;

import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.shielding.rest.dto.ApertureRequest;
import io.shieldfab.shielding.rest.dto.ApertureResponse;
import io.shieldfab.shielding.rest.dto.EnclosureRequest;
import io.shieldfab.shielding.rest.dto.EnclosureResponse;
import io.shieldfab.shielding.rest.dto.SheetRequest;
import io.shieldfab.shielding.rest.dto.SheetResponse;
import io.shieldfab.shielding.service.CalculationService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stateless calculators (the material library is {@link MaterialResource}). Thin: validation, then the service. */
@Idempotent
@Path("/api/v1/shielding")
@Tag(name = "Shielding calculations", description = "Solid-wall, aperture and enclosure SE")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalculationResource {

    @Inject
    CalculationService service;

    @POST
    @Path("/calculations/sheet")
    @Operation(operationId = "calculateSheetShielding", summary = "Solid-wall SE", description = "Skin depth, absorption, reflection (plane wave or near "
            + "field), multiple-reflection correction and total SE of a metal wall (Ott 2009, Ch. 6).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SheetRequest.class), examples = {@ExampleObject(name = "nickel at 2.45 GHz", value = Examples.SHEET),
            @ExampleObject(name = "copper, magnetic near field", value = Examples.SHEET_NEAR)}))
    @APIResponse(responseCode = "200", description = "The SE of the wall",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SheetResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SheetResponse sheet(@Valid @NotNull SheetRequest request) {
        return service.sheet(request);
    }

    @POST
    @Path("/calculations/aperture")
    @Operation(operationId = "calculateApertureShielding", summary = "Aperture SE", description = "SE of n openings on one face from the largest dimension, "
            + "with waveguide-below-cutoff attenuation through the wall, in the filling medium; 0 dB at or above λ/2.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApertureRequest.class), examples = @ExampleObject(name = "Wi-Fi slots in mould compound",
            value = Examples.APERTURE)))
    @APIResponse(responseCode = "200", description = "The SE of the openings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApertureResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApertureResponse aperture(@Valid @NotNull ApertureRequest request) {
        return service.aperture(request);
    }

    @POST
    @Path("/calculations/enclosure")
    @Operation(operationId = "calculateEnclosureShielding", summary = "Enclosure SE (Robinson et al. 1998)", description = "Electric and magnetic SE at a probe "
            + "inside a rectangular enclosure with slot apertures, transmission-line model of Robinson et al., IEEE "
            + "Trans. EMC 40(3), 1998; negative where a cavity resonance amplifies the field.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnclosureRequest.class), examples = @ExampleObject(name = "the paper's box at 500 MHz",
            value = Examples.ENCLOSURE)))
    @APIResponse(responseCode = "200", description = "The SE at the probe",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnclosureResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or impossible geometry; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnclosureResponse enclosure(@Valid @NotNull EnclosureRequest request) {
        return service.enclosure(request);
    }
}
