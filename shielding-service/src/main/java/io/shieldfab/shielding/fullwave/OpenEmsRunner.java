package io.shieldfab.shielding.fullwave;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs openEMS on the two inputs of a {@link FullwaveModel} (the can, then the reference without it) in a work
 * folder, within a time limit, and reads their probes; or says in words why there is no result: the solver missing,
 * crashed, too slow, or a solution that diverged (docs/shielding.md, "Verification runs"). A reference whose own
 * field has not died away by the can's last step runs once more, as long as its decay says it needs
 * (docs/shielding.md, "The reference's own ring-down").
 */
public final class OpenEmsRunner {

    /** The log openEMS writes in each run's folder (its standard output and error). */
    static final String LOG = "openEMS.log";

    /** openEMS's progress line: {@code [@ 8s] Timestep: 7878 || Speed: … || Energy: ~2.83e-22 (-43.20dB)}. */
    private static final Pattern PROGRESS = Pattern.compile("Timestep:\\s+(\\d+).*Energy:\\s*~?\\s*(\\S+)\\s*\\(([^)]*)dB\\)");

    /** Its last line: {@code Time for 7878 iterations with 221697.00 cells : 8.14 sec}. */
    private static final Pattern DONE = Pattern.compile("Time for (\\d+) iterations");

    /** Its time step, from the mesh: {@code FDTD timestep is: 6.52087e-14 s; Nyquist rate: …}. */
    private static final Pattern TIMESTEP = Pattern.compile("FDTD timestep is:\\s*(\\S+)\\s*s");

    /**
     * What a run may use.
     *
     * @param executable the openEMS program
     * @param threads    threads per openEMS process
     * @param timeLimit  the wall time both runs together may take; the process is killed after it
     * @param timesteps  time steps of each run of the broadband pulse (both run exactly this many)
     * @param maxPulseTimesteps the most time steps a run of a pulse that sets its own length
     *                   ({@link FullwaveModel.Pulse#runS}) may need; more and the verification fails before it runs
     */
    public record Limits(Path executable, int threads, Duration timeLimit, int timesteps, int maxPulseTimesteps) {
    }

    /**
     * How one run ended.
     *
     * @param timesteps             the steps it made
     * @param lastReportedEnergyDb  the field energy at openEMS's last progress report (made every few seconds of
     *                              wall time, so not at a fixed step), dB relative to its peak (≤ 0), or null when
     *                              the run was too short to report one
     * @param lowestReportedEnergyDb the lowest energy any progress report showed, dB; null as above. Well above it at
     *                              the end, the field has grown again after dying away (docs/shielding.md,
     *                              "Verification runs")
     * @param seconds               its wall time
     */
    public record RunFacts(int timesteps, Double lastReportedEnergyDb, Double lowestReportedEnergyDb, double seconds)
            implements RunEnd {

        /** How far the energy grew back from its lowest by the end, dB (0 when it did not). */
        public double regrowthDb() {
            return lastReportedEnergyDb == null ? 0 : lastReportedEnergyDb - lowestReportedEnergyDb;
        }
    }

    /** An energy that had fallen this far and then stood at its peak again has diverged. */
    static final double DIVERGED_AFTER_FALL_DB = -20;

    /** How one run ended: its facts, or a failure. */
    public sealed interface RunEnd permits RunFacts, Failed {
    }

    /** The outcome of both runs. */
    public sealed interface Outcome permits Finished, Failed {
    }

    /**
     * Both runs ended; their probes by name.
     *
     * @param reference          the reference run whose probes these are: the longer one when it ran again, its
     *                           {@code seconds} then both runs' wall time
     * @param referenceRingDown  the second run of the reference, to its own ring-down; null when none was made
     */
    public record Finished(RunFacts can, RunFacts reference, Map<String, ProbeSignal> canProbes,
                           Map<String, ProbeSignal> referenceProbes, LongerReference referenceRingDown)
            implements Outcome {

        /** Both runs of the same length. */
        public Finished(RunFacts can, RunFacts reference, Map<String, ProbeSignal> canProbes,
                        Map<String, ProbeSignal> referenceProbes) {
            this(can, reference, canProbes, referenceProbes, null);
        }
    }

    /**
     * The reference run again, longer, because its field had not fallen by {@link VerificationResult#RING_DOWN_DB}
     * in the last tenth of the can's steps (docs/shielding.md, "The reference's own ring-down").
     *
     * @param firstTimesteps the steps of the first run (the can's)
     * @param timesteps      the steps of the second, from the decay over the first one's second half
     * @param failure        why the second run gave no result, the first one's probes then kept; null when it did
     */
    public record LongerReference(int firstTimesteps, int timesteps, String failure) {
    }

    /** The name of the reference's second run (its folder and input). */
    static final String LONGER_REFERENCE = "reference-ring-down";

    /**
     * The second run aims this far below {@link VerificationResult#RING_DOWN_DB}, dB: the field's peaks beat, so
     * they stand some dB off a straight decay (the mmWave example's reference, aimed 6 dB past, ended 1.3 dB short of
     * −40 on the last fifth's slope and 2.1 dB past it on the second half's; docs/shielding.md, "The reference's own
     * ring-down").
     */
    static final double LONGER_REFERENCE_MARGIN_DB = 10;

    /** The second run makes at most this many times the can's steps; the time limit bounds it too. */
    static final int LONGER_REFERENCE_MAX_FACTOR = 4;

    /** No result, and why, in words a user can act on. */
    public record Failed(String reason) implements Outcome, RunEnd, Steps {
    }

    private OpenEmsRunner() {
    }

    /**
     * Writes both inputs under {@code work} ({@code can/} and {@code reference/}), runs them one after the other and
     * reads every probe. The caller owns {@code work} and removes it.
     */
    public static Outcome run(FullwaveModel m, String comment, Path work, Limits limits) throws IOException,
            InterruptedException {
        if (!Files.isExecutable(limits.executable())) {
            return new Failed("the solver is not installed: no openEMS at " + limits.executable()
                    + " (Debian package openems; shieldfab.fullwave.executable)");
        }
        long deadline = System.nanoTime() + limits.timeLimit().toNanos();
        int timesteps = limits.timesteps();
        if (m.pulse().runS() != null) {
            Steps steps = stepsFor(m, comment, work.resolve("timestep"), limits, deadline);
            if (steps instanceof Failed failed) {
                return failed;
            }
            timesteps = ((Count) steps).timesteps();
        }
        Map<Boolean, RunFacts> runs = new LinkedHashMap<>();
        for (boolean withCan : List.of(true, false)) {
            String name = withCan ? "can" : "reference";
            Path dir = Files.createDirectories(work.resolve(name));
            Files.writeString(dir.resolve(name + ".xml"),
                    OpenEmsXml.writeFixedLength(m, withCan, comment + (withCan ? ": with the can" : ": the reference"),
                            timesteps));
            RunEnd run = runOne(dir, name, limits, deadline, !withCan);
            if (run instanceof Failed failed) {
                return failed;
            }
            runs.put(withCan, (RunFacts) run);
        }
        Map<String, ProbeSignal> canProbes = probes(m, work.resolve("can"));
        Map<String, ProbeSignal> referenceProbes = probes(m, work.resolve("reference"));
        for (Map<String, ProbeSignal> probes : List.of(canProbes, referenceProbes)) {
            if (!finite(probes)) {
                return new Failed(DIVERGED_PROBE);
            }
        }
        Finished finished = new Finished(runs.get(true), runs.get(false), canProbes, referenceProbes);
        int longer = referenceStepsToRingDown(referenceProbes, timesteps);
        return longer > timesteps ? withLongerReference(finished, m, comment, work, limits, deadline, longer)
                : finished;
    }

    private static final String DIVERGED_PROBE = "the solution diverged: a probe holds a field that is not a finite "
            + "number (the mesh or the time step is unstable)";

    private static boolean finite(Map<String, ProbeSignal> probes) {
        return probes.values().stream().allMatch(ProbeSignal::finite);
    }

    /**
     * The steps a run of the reference needs for its field to fall {@link #LONGER_REFERENCE_MARGIN_DB} past
     * {@link VerificationResult#RING_DOWN_DB} in its last tenth, from how fast each probe's field falls over a run of
     * {@code timesteps}: the slope of the straight line (least squares, dB against the run) through the largest field
     * of each tenth of its second half after the tenth holding its peak (docs/shielding.md, "The reference's own
     * ring-down"); at most {@link #LONGER_REFERENCE_MAX_FACTOR} times {@code timesteps}. {@code timesteps} itself when
     * every probe's field has died away, or when one has not and no falling line can be drawn for it.
     */
    static int referenceStepsToRingDown(Map<String, ProbeSignal> probes, int timesteps) {
        double tail = VerificationResult.TAIL;
        double target = VerificationResult.RING_DOWN_DB - LONGER_REFERENCE_MARGIN_DB;
        double runs = 1;
        for (ProbeSignal p : probes.values()) {
            double last = p.tailDb(tail);
            if (!(last > VerificationResult.RING_DOWN_DB)) {
                continue;
            }
            double rate = decayPerRunDb(p);
            if (!(rate < 0)) {
                return timesteps;
            }
            // the largest field of a falling tenth is at its start, so the new run's last tenth, from 0.9 r, stands
            // at last + rate (0.9 r - 0.9)
            runs = Math.max(runs, 1 + (target - last) / ((1 - tail) * rate));
        }
        return (int) Math.ceil(Math.min(runs, LONGER_REFERENCE_MAX_FACTOR) * timesteps - 1e-9);
    }

    /**
     * dB per run length: the least-squares slope through (start, largest field) of the second half's tenths after
     * the one that holds the peak; NaN when fewer than two remain.
     */
    private static double decayPerRunDb(ProbeSignal p) {
        List<double[]> points = new ArrayList<>();
        for (int k = 9; k >= 5; k--) {
            double level = p.windowDb(k / 10.0, (k + 1) / 10.0);
            if (!(level < 0)) {
                break;
            }
            points.add(new double[] {k / 10.0, level});
        }
        if (points.size() < 2) {
            return Double.NaN;
        }
        double mx = points.stream().mapToDouble(q -> q[0]).average().orElseThrow();
        double my = points.stream().mapToDouble(q -> q[1]).average().orElseThrow();
        double sxy = points.stream().mapToDouble(q -> (q[0] - mx) * (q[1] - my)).sum();
        double sxx = points.stream().mapToDouble(q -> (q[0] - mx) * (q[0] - mx)).sum();
        return sxy / sxx;
    }

    /**
     * Runs the reference again for {@code timesteps} steps (openEMS is causal: the first run's samples are its
     * start) and takes its probes; when that run gives no result, the first one's stay, with the reason.
     */
    private static Finished withLongerReference(Finished first, FullwaveModel m, String comment, Path work,
                                                Limits limits, long deadline, int timesteps)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(LONGER_REFERENCE));
        Files.writeString(dir.resolve(LONGER_REFERENCE + ".xml"), OpenEmsXml.writeFixedLength(m, false,
                comment + ": the reference, to its own ring-down", timesteps));
        RunEnd run = runOne(dir, LONGER_REFERENCE, limits, deadline, true);
        int firstSteps = first.reference().timesteps();
        Map<String, ProbeSignal> probes = run instanceof RunFacts ? probes(m, dir) : null;
        String failure = run instanceof Failed failed ? failed.reason() : finite(probes) ? null : DIVERGED_PROBE;
        if (failure != null) {
            return new Finished(first.can(), first.reference(), first.canProbes(), first.referenceProbes(),
                    new LongerReference(firstSteps, timesteps, failure));
        }
        RunFacts longer = (RunFacts) run;
        RunFacts both = new RunFacts(longer.timesteps(), longer.lastReportedEnergyDb(),
                longer.lowestReportedEnergyDb(), first.reference().seconds() + longer.seconds());
        return new Finished(first.can(), both, first.canProbes(), probes,
                new LongerReference(firstSteps, timesteps, null));
    }

    /** The time steps a run of a pulse that sets its own length needs, or why it cannot run. */
    private sealed interface Steps permits Count, Failed {
    }

    private record Count(int timesteps) implements Steps {
    }

    /**
     * The time steps that make the pulse's run, {@link FullwaveModel.Pulse#runS}: openEMS sets its time step from the
     * mesh and the materials (Rennings's criterion), so it is asked first, by a run of one step of the can, and the
     * count is the run's length over it, rounded up (docs/shielding.md, "The pulse"). Over
     * {@link Limits#maxPulseTimesteps} the verification fails with both figures.
     */
    private static Steps stepsFor(FullwaveModel m, String comment, Path dir, Limits limits, long deadline)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("timestep.xml"),
                OpenEmsXml.writeFixedLength(m, true, comment + ": its time step", 1));
        Outcome ran = launch(dir, "timestep", limits, deadline);
        if (ran instanceof Failed failed) {
            return failed;
        }
        double stepS = Double.NaN;
        for (String line : Files.readAllLines(dir.resolve(LOG), StandardCharsets.UTF_8)) {
            Matcher step = TIMESTEP.matcher(line);
            if (step.find()) {
                stepS = parse(step.group(1));
            }
        }
        if (!(stepS > 0)) {
            return new Failed("the solver did not report its time step in the run timestep (no 'FDTD timestep is' "
                    + "line), so the length of the run of the pulse cannot be set");
        }
        double runS = m.pulse().runS();
        // a ratio whole in decimal can come out a hair above it in binary (4 ns / 1 ps = 4000.0000000000005)
        double count = Math.ceil(runS / stepS - 1e-9);
        if (count > limits.maxPulseTimesteps()) {
            return new Failed(String.format(Locale.ROOT, "the pulse at %.4g GHz needs a run of %.4g ns, %,.0f time "
                    + "steps of this mesh (time step %.4g s), over the budget of %,d "
                    + "(shieldfab.fullwave.max-pulse-timesteps): the broadband pulse, or an operator raising the budget",
                    m.pulse().centreHz() / 1e9, runS * 1e9, count, stepS, limits.maxPulseTimesteps()));
        }
        return new Count((int) count);
    }

    private static RunEnd runOne(Path dir, String name, Limits limits, long deadline, boolean freeSpace)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Outcome ran = launch(dir, name, limits, deadline);
        if (ran instanceof Failed failed) {
            return failed;
        }
        return facts(Files.readAllLines(dir.resolve(LOG), StandardCharsets.UTF_8), (System.nanoTime() - started) / 1e9,
                name, freeSpace);
    }

    /**
     * Runs openEMS on {@code name}.xml in {@code dir}, its output to {@link #LOG}, until it exits or the deadline
     * passes; null when it exited with status 0.
     */
    private static Outcome launch(Path dir, String name, Limits limits, long deadline) throws IOException,
            InterruptedException {
        Path log = dir.resolve(LOG);
        Process p = new ProcessBuilder(limits.executable().toString(), name + ".xml", "--disable-dumps",
                "--numThreads=" + limits.threads())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                return new Failed("the solver ran longer than the time limit of " + limits.timeLimit().toSeconds()
                        + " s (shieldfab.fullwave.time-limit) and was stopped, in the run " + name);
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (p.exitValue() != 0) {
            return new Failed("the solver exited with status " + p.exitValue() + " in the run " + name
                    + lastWords(Files.readAllLines(log, StandardCharsets.UTF_8)));
        }
        return null;
    }

    /** The run's facts from its log, or a failure when the log shows no finished run or a growing energy. */
    /**
     * @param freeSpace whether the run has no resonator (the reference): its energy can only fall once the pulse has
     *                  passed, so growing back is numerical. openEMS's energy figure in a filled, ringing can swings
     *                  from one report to the next (it assumes vacuum), so there it proves nothing.
     */
    static RunEnd facts(List<String> lines, double seconds, String name, boolean freeSpace) {
        int steps = -1;
        Double energyDb = null;
        Double lowestDb = null;
        for (String line : lines) {
            Matcher progress = PROGRESS.matcher(line);
            if (progress.find()) {
                energyDb = Double.isFinite(parse(progress.group(2))) ? decibels(progress.group(3)) : Double.NaN;
                lowestDb = lowestDb == null || energyDb < lowestDb ? energyDb : lowestDb;
            }
            Matcher done = DONE.matcher(line);
            if (done.find()) {
                steps = Integer.parseInt(done.group(1));
            }
        }
        if (steps < 0) {
            return new Failed("the solver ended without finishing the run " + name + lastWords(lines));
        }
        if (energyDb != null && !(energyDb <= 0)) {
            return new Failed(Double.isNaN(energyDb)
                    ? "the solution diverged: the field energy of the run " + name + " is not a finite number (the "
                            + "mesh or the time step is unstable)"
                    : String.format(Locale.ROOT, "the solution diverged: the field energy of the run %s rose to %.1f dB "
                            + "above its peak (the mesh or the time step is unstable)", name, energyDb));
        }
        // openEMS reports the energy against the largest so far: back at 0 dB after a deep fall, it has outgrown the
        // pulse that excited it
        if (freeSpace && energyDb != null && lowestDb <= DIVERGED_AFTER_FALL_DB && energyDb >= -0.5) {
            return new Failed(String.format(Locale.ROOT, "the solution diverged: the field energy of the run %s fell to "
                    + "%.1f dB and grew back past its peak by step %d (a late-time instability of the model's numerics; "
                    + "a shorter run, shieldfab.fullwave.max-timesteps, ends before it)", name, lowestDb, steps));
        }
        return new RunFacts(steps, energyDb, lowestDb, seconds);
    }

    /** {@code -43.20}, {@code - 9.68} (openEMS pads), {@code --3.10} (a rise above the peak) as dB. */
    private static double decibels(String text) {
        String t = text.replace(" ", "");
        return t.startsWith("--") ? parse(t.substring(2)) : parse(t);
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The last line of the log that says something, for a failure's reason; a folder path in it is left out. */
    private static String lastWords(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String t = lines.get(i).trim();
            if (!t.isEmpty()) {
                t = t.replaceAll("/\\S+", "…");
                return ": " + (t.length() > 200 ? t.substring(0, 200) + "…" : t);
            }
        }
        return " (no output)";
    }

    private static Map<String, ProbeSignal> probes(FullwaveModel m, Path dir) throws IOException {
        Map<String, ProbeSignal> probes = new LinkedHashMap<>();
        for (FullwaveModel.Probe probe : m.probes()) {
            try (Reader in = Files.newBufferedReader(dir.resolve(probe.name()), StandardCharsets.UTF_8)) {
                probes.put(probe.name(), ProbeSignal.read(in));
            }
        }
        return probes;
    }
}
