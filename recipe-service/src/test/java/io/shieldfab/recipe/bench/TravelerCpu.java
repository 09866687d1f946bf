package io.shieldfab.recipe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU time (this thread's, not wall time) per operation of {@link TravelerBenchmark}'s methods, taken in alternating
 * rounds so that each variant sees the same machine: on the shared 2-core machine JMH's wall-clock figures move by a
 * factor of two with the other builds, the thread's CPU time much less. Prints the median and the quartiles of the
 * per-round means. Run: see docs/benchmarks.md, section "recipe".
 */
public final class TravelerCpu {

    private TravelerCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        TravelerBenchmark b = new TravelerBenchmark();
        b.setUp();
        Map<String, LongSupplier> ops = new LinkedHashMap<>();
        ops.put("pdf", b::pdf);
        ops.put("pdfParsedByOpenhtmltopdf", () -> {
            try {
                return b.pdfParsedByOpenhtmltopdf();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ops.put("html", () -> b.html().length());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        ops.keySet().forEach(k -> ms.put(k, new ArrayList<>()));
        for (int r = -rounds / 3; r < rounds; r++) { // the first third warms up
            for (var op : ops.entrySet()) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    op.getValue().getAsLong();
                }
                double each = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / perRound;
                if (r >= 0) {
                    ms.get(op.getKey()).add(each);
                }
            }
        }
        ms.forEach((k, v) -> {
            double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-26s CPU ms/op median %.3f (quartiles %.3f-%.3f), %d rounds of %d%n", k,
                    a[a.length / 2], a[a.length / 4], a[3 * a.length / 4], a.length, perRound);
        });
    }
}
