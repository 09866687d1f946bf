package io.shieldfab.recipe.service;

import io.shieldfab.design.process.FillFinding;
import io.shieldfab.design.process.FillRule;
import io.shieldfab.recipe.process.FillReport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A recipe whose encapsulant fill FAILs cannot be released (docs/recipe.md §6): the REST layer answers 422 with the
 * first failed {@link FillRule} as the problem's {@code rule} and every failed finding, with its fixes, in the
 * detail.
 */
public class FillRefusedException extends RuntimeException {

    private final FillRule rule;

    private FillRefusedException(FillRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    /** @param fill a fill with at least one ERROR finding */
    static FillRefusedException of(String recipeId, FillReport fill) {
        List<FillFinding> errors = fill.errors();
        String findings = errors.stream().map(f -> f.rule().name() + " (" + f.field() + "): " + f.message())
                .collect(Collectors.joining("; "));
        return new FillRefusedException(errors.get(0).rule(), "Recipe " + recipeId + " cannot be released: its"
                + " encapsulant fill FAILs, so the depressions would not fill. " + findings + ". Change the design"
                + " and compile a new recipe (PUT).");
    }

    public FillRule rule() {
        return rule;
    }
}
