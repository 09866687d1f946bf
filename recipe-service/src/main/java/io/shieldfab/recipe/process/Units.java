package io.shieldfab.recipe.process;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Rounding helpers for figures written into a recipe. */
public final class Units {

    private Units() {
    }

    /** {@code value} rounded to {@code decimals} decimal places, half-up. */
    public static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code value} rounded to six significant digits, so recipes do not carry floating-point noise. */
    public static double significant(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
    }
}
