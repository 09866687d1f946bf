package io.shieldfab.shielding.rest;

import io.shieldfab.design.Violation;
import io.shieldfab.shielding.fullwave.FullwaveModel;
import io.shieldfab.support.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** The mesh density a client asks for, checked against its ranges (a 400 naming each field out of range). */
final class MeshDensities {

    private MeshDensities() {
    }

    /** The density; a missing value is the standard one. */
    static FullwaveModel.Density of(Integer cellsPerWavelength, Integer cellsPerOpening) {
        int perWavelength = cellsPerWavelength == null ? FullwaveModel.CELLS_PER_WAVELENGTH : cellsPerWavelength;
        int perOpening = cellsPerOpening == null ? FullwaveModel.CELLS_PER_OPENING : cellsPerOpening;
        List<Violation> wrong = new ArrayList<>();
        if (perWavelength < 20 || perWavelength > 60) {
            wrong.add(new Violation("cellsPerWavelength", "must be 20 to 60"));
        }
        if (perOpening < 2 || perOpening > 8) {
            wrong.add(new Violation("cellsPerOpening", "must be 2 to 8"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return new FullwaveModel.Density(perWavelength, perOpening);
    }
}
