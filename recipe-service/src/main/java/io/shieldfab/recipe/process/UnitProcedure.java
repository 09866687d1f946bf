package io.shieldfab.recipe.process;

import java.util.List;

/**
 * An ISA-88 unit procedure: one fabrication step of the claims, done on one unit (line, tank, oven, saw).
 *
 * @param name       the step, e.g. {@code ELECTROFORMING}
 * @param claims     the claims this step implements, e.g. {@code claims 3-6}
 * @param purpose    why the step is there, one sentence
 * @param operations operations in order
 */
public record UnitProcedure(String name, String claims, String purpose, List<Operation> operations) {

    public UnitProcedure {
        operations = List.copyOf(operations);
    }

    public Operation operation(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + name + " in " + this.name));
    }
}
