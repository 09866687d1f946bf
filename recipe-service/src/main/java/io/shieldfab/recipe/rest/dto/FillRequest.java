package io.shieldfab.recipe.rest.dto;

import io.shieldfab.design.Violation;
import io.shieldfab.design.process.FillInput;
import io.shieldfab.design.process.FillMethod;
import io.shieldfab.support.problem.InvalidInputException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code POST /api/v1/recipes/calculations/fill}: design-model's {@code FillInput} for one row of
 * depressions (docs/physics.md §6, docs/recipe.md §4). The ranges are the design's ({@code DesignLimits}); a field
 * out of range is a 400 naming it.
 *
 * @param method            {@code DISPENSE}, {@code TRANSFER_MOLD} or {@code COMPRESSION_MOLD}
 * @param viscosityPaS      apparent viscosity at process temperature, Pa·s
 * @param fillerTopCutUm    largest filler particle, µm (0: unfilled)
 * @param gelTimeS          gel (moulding) or working (dispense) time, s
 * @param pressureKPa       driving pressure at the gate or dispense point, kPa
 * @param chainSites        depressions fed in series from one gate, ≥ 1
 * @param openingsPerWall   pathways per wall, in parallel, ≥ 0
 * @param openingLengthMm   pathway length along the wall, mm (&gt; 0 with pathways)
 * @param openingHeightMm   pathway height, or trough depth, mm (&gt; 0 with pathways)
 * @param ductLengthMm      flow length through one pathway, mm (&gt; 0 with pathways)
 * @param wallsPerStep      walls crossed from one depression to the next: 1 (troughs, pillar gaps) or 2 (slots)
 * @param stepVolumeMm3     encapsulant that flows into each next depression, mm³
 * @param depressionsVented whether each depression's air can escape; default true
 * @param wallSpaceVented   whether the wall space's air can escape (or there is none); default true
 */
public record FillRequest(
        @Schema(examples = "TRANSFER_MOLD", required = true) @NotNull FillMethod method,
        @Schema(examples = "10", required = true) @NotNull @Positive @DecimalMax("10000") Double viscosityPaS,
        @Schema(examples = "25", required = true) @NotNull @DecimalMin("0") @DecimalMax("500") Double fillerTopCutUm,
        @Schema(examples = "30", required = true) @NotNull @Positive @DecimalMax("86400") Double gelTimeS,
        @Schema(examples = "7000", required = true) @NotNull @Positive @DecimalMax("100000") Double pressureKPa,
        @Schema(examples = "6", required = true) @NotNull @Min(1) @Max(1000) Integer chainSites,
        @Schema(examples = "3", required = true) @NotNull @Min(0) @Max(100) Integer openingsPerWall,
        @Schema(examples = "0.15", required = true) @NotNull @DecimalMin("0") @DecimalMax("100") Double openingLengthMm,
        @Schema(examples = "0.1", required = true) @NotNull @DecimalMin("0") @DecimalMax("20") Double openingHeightMm,
        @Schema(examples = "1.4", required = true) @NotNull @DecimalMin("0") @DecimalMax("100") Double ductLengthMm,
        @Schema(examples = "1", required = true) @NotNull @Min(1) @Max(2) Integer wallsPerStep,
        @Schema(examples = "6.598", required = true) @NotNull @DecimalMin("0") @DecimalMax("1000000") Double stepVolumeMm3,
        Boolean depressionsVented,
        Boolean wallSpaceVented) {

    /**
     * The model's input.
     *
     * @throws InvalidInputException naming each pathway size left at 0 although there are pathways, or a chain of
     *                               more than one site without pathways (400)
     */
    public FillInput toInput() {
        if (openingsPerWall == 0 && chainSites > 1) {
            // without pathways nothing flows from one depression to the next: each has its own gate
            throw new InvalidInputException(List.of(new Violation("chainSites", "must be 1 when openingsPerWall is"
                    + " 0: without pathways every depression is fed from its own gate or dispense point")));
        }
        if (openingsPerWall > 0) {
            List<Violation> zero = new ArrayList<>();
            // a pathway of zero size or length has no conductance to compute a fill time from
            for (var field : List.of(new Object[]{"openingLengthMm", openingLengthMm},
                    new Object[]{"openingHeightMm", openingHeightMm}, new Object[]{"ductLengthMm", ductLengthMm})) {
                if ((Double) field[1] <= 0) {
                    zero.add(new Violation((String) field[0], "must be greater than 0 when openingsPerWall is "
                            + openingsPerWall));
                }
            }
            if (!zero.isEmpty()) {
                throw new InvalidInputException(zero);
            }
        }
        return new FillInput(method, viscosityPaS, fillerTopCutUm, gelTimeS, pressureKPa, chainSites, openingsPerWall,
                openingLengthMm, openingHeightMm, ductLengthMm, wallsPerStep, stepVolumeMm3,
                depressionsVented == null || depressionsVented, wallSpaceVented == null || wallSpaceVented);
    }
}
