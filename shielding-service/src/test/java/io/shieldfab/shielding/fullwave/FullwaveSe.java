package io.shieldfab.shielding.fullwave;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the probes of an openEMS run with the can and of the reference run of an exported full-wave model and prints
 * the shielding effectiveness at each frequency, per probe and the smallest, then the smallest with the ring-down
 * tail fitted to the run's second half as a verification fits it (docs/shielding.md, "Full-wave model" and
 * "Ring-down tail": the calibration figures come from this and from tests/fullwave).
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
        Map<String, ProbeSignal> can = new TreeMap<>();
        Map<String, ProbeSignal> reference = new TreeMap<>();
        for (String probe : PROBES) {
            can.put(probe, read(Path.of(args[0]).resolve(probe)));
            reference.put(probe, read(Path.of(args[1]).resolve(probe)));
        }
        double[] t = can.get(PROBES.get(0)).timeS();
        RingDownTail tail = RingDownTail.fit(can, t[t.length - 1] * VerificationResult.FIT_FROM);
        System.out.println("| f (GHz) | " + String.join(" | ", PROBES) + " | smallest (dB) | with the tail (dB) |");
        for (int i = 2; i < args.length; i++) {
            double f = Double.parseDouble(args[i]);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.3f |", f / 1e9));
            double smallest = Double.POSITIVE_INFINITY;
            double completed = Double.POSITIVE_INFINITY;
            for (String probe : PROBES) {
                double withoutCan = reference.get(probe).magnitudeAt(f);
                double se = 20 * Math.log10(withoutCan / can.get(probe).magnitudeAt(f));
                smallest = Math.min(smallest, se);
                completed = Math.min(completed, 20 * Math.log10(withoutCan
                        / ProbeSignal.magnitude(tail.completed(probe, can.get(probe), f))));
                row.append(String.format(Locale.ROOT, " %.2f |", se));
            }
            System.out.println(row.append(String.format(Locale.ROOT, " %.2f | %.2f |", smallest, completed)));
        }
        System.out.printf(Locale.ROOT, "fit: %d modes from %.4f ns (%d samples), residual %.3e, %d growing left out, "
                        + "a ring-down: %s%n", tail.modes(), tail.fromS() * 1e9, tail.samples(), tail.residual(),
                tail.growingPoles(), tail.isRingDown());
    }

    private static ProbeSignal read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return ProbeSignal.read(in);
        }
    }
}
