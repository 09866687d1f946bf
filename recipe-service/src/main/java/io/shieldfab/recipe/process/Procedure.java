package io.shieldfab.recipe.process;

import java.util.List;

/**
 * The compiled ISA-88 procedure: everything that defines what is built and how, and nothing about where it
 * is stored (no ids, version, status or timestamps). Its canonical JSON is what {@code contentHash} covers.
 *
 * @param designName     design name
 * @param designRevision design revision
 * @param steps          the order of the fabrication steps
 * @param unitProcedures unit procedures in order
 * @param summary        headline figures
 * @param fill           whether the encapsulant can fill the depressions (docs/recipe.md §4); a FAIL compiles but is
 *                       never released; null only in recipes stored before the fill model
 * @param warnings       advisories from the design reader and the compiler
 */
public record Procedure(String designName, String designRevision, List<Step> steps,
                        List<UnitProcedure> unitProcedures, RecipeSummary summary, FillReport fill,
                        List<String> warnings) {

    public Procedure {
        steps = List.copyOf(steps);
        unitProcedures = List.copyOf(unitProcedures);
        warnings = List.copyOf(warnings);
    }

    public UnitProcedure unitProcedure(String name) {
        return unitProcedures.stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit procedure " + name));
    }
}
