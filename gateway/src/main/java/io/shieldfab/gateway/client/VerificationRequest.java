package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.shieldfab.design.Violation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The body of {@code POST …/evaluations/{id}/verifications}: the mesh densities and the pulse, all optional (null:
 * shielding-service's standard mesh, the broadband pulse; docs/shielding.md, "Verification runs" and "The pulse").
 * Null fields are left out, so the standard run is {@code {}}. A handoff that asks for a verification stores the mesh
 * with both values filled in, and the pulse when it is not the broadband one ({@link #read}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationRequest(Integer cellsPerWavelength, Integer cellsPerOpening, String pulse) {

    /** What the portal's verification button asks for: the standard mesh (20 cells per wavelength, 2 across an opening). */
    public static final VerificationRequest STANDARD_MESH = new VerificationRequest(null, null, null);

    /** The pulses shielding-service drives its model with; the first is its default. */
    public static final List<String> PULSES = List.of("BROADBAND", "OPERATING_FREQUENCY");

    /** The standard mesh driven by {@code pulse}: the broadband pulse when it names none of the others. */
    public static VerificationRequest standardMeshWith(String pulse) {
        return new VerificationRequest(null, null, nonDefault(pulse));
    }

    /** The pulse asked for, by name: the broadband one when none is named. */
    public String pulseOrDefault() {
        return pulse == null ? PULSES.get(0) : pulse;
    }

    /**
     * {@code pulse} when it is one of {@link #PULSES} other than the broadband one, else null: the broadband pulse,
     * shielding-service's default, is left out, so a request for it is what it always was.
     */
    private static String nonDefault(String pulse) {
        return pulse != null && PULSES.contains(pulse) && !pulse.equals(PULSES.get(0)) ? pulse : null;
    }

    /**
     * The ranges shielding-service accepts (docs/api-guide.md, "Submit a handoff"); the gateway checks them at
     * submission so that a handoff is refused at once rather than failed when its run is queued.
     */
    static final int MIN_CELLS_PER_WAVELENGTH = 20;
    static final int MAX_CELLS_PER_WAVELENGTH = 60;
    static final int MIN_CELLS_PER_OPENING = 2;
    static final int MAX_CELLS_PER_OPENING = 8;

    /** The outcome of {@link #read}: the mesh with both values filled in, or what is wrong with it. */
    public record Read(VerificationRequest mesh, List<Violation> violations) {
    }

    /**
     * The envelope's {@code fullwaveVerification} ({@code field} names it in the violations): an object with the
     * optional integers {@code cellsPerWavelength} (20–60, default 20) and {@code cellsPerOpening} (2–8, default 2)
     * and the optional {@code pulse} (BROADBAND, the default, or OPERATING_FREQUENCY).
     */
    public static Read read(JsonNode node, String field) {
        List<Violation> wrong = new ArrayList<>();
        if (!node.isObject()) {
            wrong.add(new Violation(field, "must be an object, {} for the standard mesh"));
            return new Read(null, wrong);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("cellsPerWavelength") && !name.equals("cellsPerOpening") && !name.equals("pulse")) {
                wrong.add(new Violation(field + "." + name, "is not a field of fullwaveVerification"
                        + " (cellsPerWavelength, cellsPerOpening, pulse)"));
            }
        }
        int perWavelength = integer(node, "cellsPerWavelength", MIN_CELLS_PER_WAVELENGTH, MIN_CELLS_PER_WAVELENGTH,
                MAX_CELLS_PER_WAVELENGTH, field, wrong);
        int perOpening = integer(node, "cellsPerOpening", MIN_CELLS_PER_OPENING, MIN_CELLS_PER_OPENING,
                MAX_CELLS_PER_OPENING, field, wrong);
        JsonNode pulse = node.get("pulse");
        String named = pulse == null || pulse.isNull() ? null : pulse.asText();
        if (named != null && !(pulse.isTextual() && PULSES.contains(named))) {
            wrong.add(new Violation(field + ".pulse", "must be one of " + String.join(", ", PULSES)));
        }
        return new Read(wrong.isEmpty() ? new VerificationRequest(perWavelength, perOpening, nonDefault(named)) : null,
                wrong);
    }

    private static int integer(JsonNode node, String name, int standard, int min, int max, String field,
                               List<Violation> wrong) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return standard;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            wrong.add(new Violation(field + "." + name, "must be an integer from " + min + " to " + max));
            return standard;
        }
        return value.asInt();
    }
}
