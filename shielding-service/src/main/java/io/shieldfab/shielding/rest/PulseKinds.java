package io.shieldfab.shielding.rest;

import io.shieldfab.design.Violation;
import io.shieldfab.shielding.fullwave.FullwaveModel;
import io.shieldfab.support.problem.InvalidInputException;

import java.util.Arrays;
import java.util.List;

/** The pulse a client names in a query, checked (a 400 naming {@code pulse} for one the service does not know). */
final class PulseKinds {

    private PulseKinds() {
    }

    /** The pulse named {@code value}; broadband when none is named. */
    static FullwaveModel.PulseKind of(String value) {
        if (value == null || value.isEmpty()) {
            return FullwaveModel.PulseKind.BROADBAND;
        }
        try {
            return FullwaveModel.PulseKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new Violation("pulse", "must be one of "
                    + Arrays.toString(FullwaveModel.PulseKind.values()))));
        }
    }
}
