package io.shieldfab.recipe.process;

import java.util.List;

/**
 * The smallest step of an operation (ISA-88 phase): what the technician does and with which settings.
 *
 * @param name        phase name
 * @param instruction what to do, in a sentence for the traveler
 * @param parameters  typed settings
 */
public record Phase(String name, String instruction, List<Parameter> parameters) {

    public Phase {
        parameters = List.copyOf(parameters);
    }

    /** The parameter called {@code name}, for tests and the summary. */
    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + " in phase " + this.name));
    }
}
