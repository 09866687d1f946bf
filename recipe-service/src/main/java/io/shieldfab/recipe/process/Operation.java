package io.shieldfab.recipe.process;

import java.util.List;

/**
 * An ISA-88 operation: an ordered set of phases done at one station.
 *
 * @param name   operation name
 * @param phases phases in order
 */
public record Operation(String name, List<Phase> phases) {

    public Operation {
        phases = List.copyOf(phases);
    }

    public Phase phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase " + name + " in operation " + this.name));
    }
}
