package io.shieldfab.shielding.fullwave;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * crashed, too slow, or a solution that diverged (docs/shielding.md, "Verification runs").
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

    /** Both runs ended; their probes by name. */
    public record Finished(RunFacts can, RunFacts reference, Map<String, ProbeSignal> canProbes,
                           Map<String, ProbeSignal> referenceProbes) implements Outcome {
    }

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
            if (probes.values().stream().anyMatch(p -> !p.finite())) {
                return new Failed("the solution diverged: a probe holds a field that is not a finite number (the mesh "
                        + "or the time step is unstable)");
            }
        }
        return new Finished(runs.get(true), runs.get(false), canProbes, referenceProbes);
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
