package io.shieldfab.shielding.evaluation;

import java.util.Locale;

/** How the findings write a frequency, a length, a level or a share: four significant digits, SI prefixes. */
final class Quantities {

    private Quantities() {
    }

    static String hz(double f) {
        if (f >= 1e9) {
            return String.format(Locale.ROOT, "%.4g GHz", f / 1e9);
        }
        if (f >= 1e6) {
            return String.format(Locale.ROOT, "%.4g MHz", f / 1e6);
        }
        return String.format(Locale.ROOT, "%.4g kHz", f / 1e3);
    }

    static String mm(double v) {
        return String.format(Locale.ROOT, "%.4g mm", v);
    }

    static String db(double v) {
        return String.format(Locale.ROOT, "%.1f dB", v);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static String pct(double fraction) {
        return num(fraction * 100) + " %";
    }
}
