package io.shieldfab.shielding.fullwave;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the probes of an openEMS run with the can and of the reference run of an exported full-wave model and prints
 * the shielding effectiveness at each frequency, per probe and the smallest (docs/shielding.md, "Full-wave model":
 * the calibration figures come from this).
 *
 * <pre>
 *   java -cp … io.shieldfab.shielding.fullwave.FullwaveSe &lt;can run folder&gt; &lt;reference run folder&gt; f1_Hz f2_Hz …
 * </pre>
 */
public final class FullwaveSe {

    static final List<String> PROBES = List.of("E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top");

    private FullwaveSe() {
    }

    public static void main(String[] args) throws IOException {
        Path can = Path.of(args[0]);
        Path reference = Path.of(args[1]);
        System.out.println("| f (GHz) | " + String.join(" | ", PROBES) + " | smallest (dB) |");
        for (int i = 2; i < args.length; i++) {
            double f = Double.parseDouble(args[i]);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.3f |", f / 1e9));
            double smallest = Double.POSITIVE_INFINITY;
            for (String probe : PROBES) {
                double se = ProbeSignal.shieldingDb(read(can.resolve(probe)), read(reference.resolve(probe)), f);
                smallest = Math.min(smallest, se);
                row.append(String.format(Locale.ROOT, " %.1f |", se));
            }
            System.out.println(row.append(String.format(Locale.ROOT, " %.1f |", smallest)));
        }
    }

    private static ProbeSignal read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return ProbeSignal.read(in);
        }
    }
}
