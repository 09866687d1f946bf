package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How a verification run ends when the solver does not give a result (docs/shielding.md, "Verification runs"):
 * stand-in solvers (shell scripts in the place of openEMS) that crash, hang, diverge or are missing, and openEMS's
 * own log lines read into the run's facts.
 */
class OpenEmsRunnerTest {

    @TempDir
    Path dir;

    /** A small closed can (PEC walls, two openings a wall), on the standard mesh. */
    static FullwaveModel model() {
        return FullwaveModel.of(5.0, 4.0, 0.9, new FullwaveModel.Walls(true, 1.43e7, 25, 2.9), 2, 0.3, 0.06, 4.0,
                0.01, 2e10, 24.5e9, FullwaveModel.Density.STANDARD, FullwaveModel.Seam.BONDED);
    }

    private Path solver(String script) throws IOException {
        Path file = dir.resolve("fake-openEMS");
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private OpenEmsRunner.Outcome run(Path solver, Duration limit) throws Exception {
        return OpenEmsRunner.run(model(), "test", Files.createDirectories(dir.resolve("work")),
                new OpenEmsRunner.Limits(solver, 1, limit, 1000, 1000));
    }

    @Test
    void aCrashedSolverFailsWithItsStatusAndLastLineWithoutTheFolder() throws Exception {
        Path crash = solver("echo \"Error: cannot open $PWD/can.xml\"; exit 3");

        OpenEmsRunner.Outcome outcome = run(crash, Duration.ofSeconds(30));

        assertThat(outcome).isEqualTo(new OpenEmsRunner.Failed(
                "the solver exited with status 3 in the run can: Error: cannot open …"));
    }

    @Test
    void aSolverOverTheTimeLimitIsStoppedAndTheRunFails() throws Exception {
        Path hang = solver("exec sleep 60");
        long started = System.nanoTime();

        OpenEmsRunner.Outcome outcome = run(hang, Duration.ofSeconds(1));

        assertThat(outcome).isEqualTo(new OpenEmsRunner.Failed("the solver ran longer than the time limit of 1 s "
                + "(shieldfab.fullwave.time-limit) and was stopped, in the run can"));
        // stopped, not waited for: the worker is free again well before the sleep would end
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(30);
        // and killed: no sleep left among this JVM's own processes (another process's sleep on the machine is not ours)
        assertThat(ProcessHandle.current().descendants().filter(p -> p.isAlive()
                && p.info().command().orElse("").endsWith("sleep"))).isEmpty();
    }

    @Test
    void aMissingSolverSaysItIsNotInstalled() throws Exception {
        OpenEmsRunner.Outcome outcome = run(dir.resolve("no-such-openEMS"), Duration.ofSeconds(5));

        assertThat(outcome).isInstanceOf(OpenEmsRunner.Failed.class);
        assertThat(((OpenEmsRunner.Failed) outcome).reason()).startsWith("the solver is not installed: no openEMS at ")
                .endsWith("(Debian package openems; shieldfab.fullwave.executable)");
    }

    @Test
    void probesThatAreNotFiniteNumbersAreADivergedSolution() throws Exception {
        // what openEMS writes when the field grows without bound: nan in the probes, and a finished run
        StringBuilder script = new StringBuilder();
        for (FullwaveModel.Probe p : model().probes()) {
            script.append("printf '%% t/s Ex Ey Ez\\n0 0 0 0\\n1e-13 nan -nan inf\\n' > ").append(p.name()).append("\n");
        }
        script.append("echo 'Time for 1000 iterations with 1000 cells : 0.1 sec'");

        OpenEmsRunner.Outcome outcome = run(solver(script.toString()), Duration.ofSeconds(30));

        assertThat(outcome).isEqualTo(new OpenEmsRunner.Failed("the solution diverged: a probe holds a field that is "
                + "not a finite number (the mesh or the time step is unstable)"));
    }

    /**
     * A stand-in for openEMS that reports the time step {@code stepS} and, for the can and the reference, makes the
     * steps its input asks for (read from NumberOfTimesteps) and writes two samples a probe; every input it is given
     * is noted in {@code runs.txt}.
     */
    private Path steppingSolver(String stepS) throws IOException {
        StringBuilder probes = new StringBuilder();
        for (FullwaveModel.Probe p : model().probes()) {
            probes.append("printf '%% t/s Ex Ey Ez\\n0 0 0 0\\n1e-13 1 0 0\\n' > ").append(p.name()).append("; ");
        }
        return solver("echo \"$1\" >> " + dir.resolve("runs.txt") + "\n"
                + "n=$(sed -n 's/.*NumberOfTimesteps=\"\\([0-9]*\\)\".*/\\1/p' \"$1\")\n"
                + "echo 'FDTD timestep is: " + stepS + " s; Nyquist rate: 78 timesteps @2.46e+10 Hz'\n"
                + "case \"$1\" in timestep.xml) ;; *) " + probes + ";; esac\n"
                + "echo \"Time for $n iterations with 1000 cells : 0.1 sec\"");
    }

    private OpenEmsRunner.Outcome runPulse(Path solver, int maxPulseTimesteps) throws Exception {
        return OpenEmsRunner.run(model().withPulse(FullwaveModel.Pulse.atOperatingFrequency(2.45e9)), "test",
                Files.createDirectories(dir.resolve("work")),
                new OpenEmsRunner.Limits(solver, 1, Duration.ofSeconds(30), 1000, maxPulseTimesteps));
    }

    @Test
    void aPulseCentredOnTheOperatingFrequencyRunsSixteenWidthsAtTheSolversTimeStep() throws Exception {
        // 16 sigma = 4 ns at 2.45 GHz; at a step of 15 ps that is 266.67 steps, rounded up to 267 (not the 1,000
        // of the broadband pulse): asked of the solver first, by a run of one step of the can
        OpenEmsRunner.Outcome outcome = runPulse(steppingSolver("1.5e-11"), 1000);

        assertThat(outcome).isInstanceOf(OpenEmsRunner.Finished.class);
        assertThat(((OpenEmsRunner.Finished) outcome).can().timesteps()).isEqualTo(267);
        assertThat(((OpenEmsRunner.Finished) outcome).reference().timesteps()).isEqualTo(267);
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).containsExactly("timestep.xml", "can.xml",
                "reference.xml");
        assertThat(Files.readString(dir.resolve("work/timestep/timestep.xml"))).contains("NumberOfTimesteps=\"1\"");
    }

    @Test
    void aPulseRunOverItsStepBudgetFailsBeforeTheSolverRuns() throws Exception {
        // 4 ns at 1 ps: 4,000 steps, over a budget of 1,000
        OpenEmsRunner.Outcome outcome = runPulse(steppingSolver("1e-12"), 1000);

        assertThat(outcome).isEqualTo(new OpenEmsRunner.Failed("the pulse at 2.450 GHz needs a run of 4.000 ns, 4,000 "
                + "time steps of this mesh (time step 1.000e-12 s), over the budget of 1,000 "
                + "(shieldfab.fullwave.max-pulse-timesteps): the broadband pulse, or an operator raising the budget"));
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).containsExactly("timestep.xml");
    }

    @Test
    void aSolverThatDoesNotReportItsTimeStepFailsThePulseRun() throws Exception {
        OpenEmsRunner.Outcome outcome = runPulse(solver("echo 'Time for 1 iterations with 1000 cells : 0.1 sec'"), 1000);

        assertThat(outcome).isEqualTo(new OpenEmsRunner.Failed("the solver did not report its time step in the run "
                + "timestep (no 'FDTD timestep is' line), so the length of the run of the pulse cannot be set"));
    }

    /** A field falling {@code dbPerRun} dB over {@code samples} samples from 1 V/m, in Ez; {@code floorDb} its least. */
    private static ProbeSignal falling(int samples, double dbPerRun, double floorDb) {
        double[] t = new double[samples];
        double[] ez = new double[samples];
        for (int i = 0; i < samples; i++) {
            t[i] = i * 1e-12;
            ez[i] = Math.pow(10, Math.max(-dbPerRun * i / samples, floorDb) / 20);
        }
        return new ProbeSignal(t, new double[samples], new double[samples], ez);
    }

    @Test
    void aReferenceNotDiedAwayIsSizedFromTheDecayOfItsSecondHalf() {
        // 1,000 samples falling 30 dB a run: the largest field of each tenth is its first, so the second half's
        // tenths stand at -15, -18, -21, -24, -27 dB, a line of -30 dB a run. A run r times as long has its last tenth
        // from 0.9 r, at -27 - 30 (0.9 r - 0.9) = -50 dB (40 and the margin of 10) for r = 1 + 23/27 = 1.8518519,
        // 55,555.6 of 30,000 steps: 55,556
        Map<String, ProbeSignal> slow = Map.of("E_top", falling(1000, 30, -400), "E_xmax", falling(1000, 60, -400));
        assertThat(OpenEmsRunner.referenceStepsToRingDown(slow, 30_000)).isEqualTo(55_556);
        // 60 dB a run: -54 dB at the end, died away; the 30 dB probe alone sets the length above
        assertThat(OpenEmsRunner.referenceStepsToRingDown(Map.of("E_xmax", falling(1000, 60, -400)), 30_000))
                .isEqualTo(30_000);
        // 3 dB a run from -2.7 dB: 1 + 47.3/2.7 = 18.5 runs, held to 4: 120,000
        assertThat(OpenEmsRunner.referenceStepsToRingDown(Map.of("E_top", falling(1000, 3, -400)), 30_000))
                .isEqualTo(120_000);
        // level at -14 dB from sample 467 on: the second half is flat, no falling line, so no length is asked for
        assertThat(OpenEmsRunner.referenceStepsToRingDown(Map.of("E_top", falling(1000, 30, -14)), 30_000))
                .isEqualTo(30_000);
        // a field whose peak is in the last tenth (still rising): no tenth after it, none either
        assertThat(OpenEmsRunner.referenceStepsToRingDown(Map.of("E_top", falling(1000, -3, -400)), 30_000))
                .isEqualTo(30_000);
        // the peak in the second half (the tenth from 0.6): the line through the tenths from 0.7 alone, whose
        // largest fields fall from their starts 30 dB a run after the peak at 0.65 (-1.5, -4.5, -7.5 dB): -30 dB a run
        // to -7.5 at 0.9; r = 1 + 42.5/27 = 2.5740741, 77,222.2 steps: 77,223
        assertThat(OpenEmsRunner.referenceStepsToRingDown(Map.of("E_top", peakAt(1000, 650, 30)), 30_000))
                .isEqualTo(77_223);
    }

    /** A field rising to 1 V/m at sample {@code peak}, then falling {@code dbPerRun} dB a run, in Ez. */
    private static ProbeSignal peakAt(int samples, int peak, double dbPerRun) {
        double[] t = new double[samples];
        double[] ez = new double[samples];
        for (int i = 0; i < samples; i++) {
            t[i] = i * 1e-12;
            ez[i] = Math.pow(10, -dbPerRun * Math.abs(i - peak) / samples / 20);
        }
        return new ProbeSignal(t, new double[samples], new double[samples], ez);
    }

    /**
     * A stand-in for openEMS whose probes fall 30 dB every 1,000 steps, a sample every 10 steps, for the steps its
     * input asks; it exits with status 3 on the input {@code failOn}; every input it is given is noted in runs.txt.
     */
    private Path decayingSolver(String failOn) throws IOException {
        StringBuilder probes = new StringBuilder();
        for (FullwaveModel.Probe p : model().probes()) {
            probes.append("awk -v n=\"$n\" 'BEGIN { print \"% t/s Ex Ey Ez\"; for (j = 0; j * 10 < n; j++) "
                    + "printf \"%g 0 0 %.9g\\n\", j * 1e-12, 10 ^ (-30 * j * 10 / 1000 / 20) }' > ")
                    .append(p.name()).append("\n");
        }
        return solver("echo \"$1\" >> " + dir.resolve("runs.txt") + "\n"
                + "[ \"$1\" = '" + failOn + "' ] && { echo 'Error: out of memory'; exit 3; }\n"
                + "n=$(sed -n 's/.*NumberOfTimesteps=\"\\([0-9]*\\)\".*/\\1/p' \"$1\")\n"
                + probes + "echo \"Time for $n iterations with 1000 cells : 0.1 sec\"");
    }

    @Test
    void aReferenceNotDiedAwayByTheCansLastStepRunsAgainToItsOwnRingDown() throws Exception {
        // after 1,000 steps the reference's field is 27 dB down: sized as above, 1 + 23/27 runs, 1,852 steps, whose
        // last tenth (from sample 167 of 186, step 1,670) stands 50.1 dB down
        OpenEmsRunner.Outcome outcome = run(decayingSolver("none"), Duration.ofSeconds(30));

        assertThat(outcome).isInstanceOf(OpenEmsRunner.Finished.class);
        OpenEmsRunner.Finished finished = (OpenEmsRunner.Finished) outcome;
        assertThat(finished.can().timesteps()).isEqualTo(1000);
        assertThat(finished.reference().timesteps()).isEqualTo(1852);
        assertThat(finished.referenceRingDown()).isEqualTo(new OpenEmsRunner.LongerReference(1000, 1852, null));
        ProbeSignal top = finished.referenceProbes().get("E_top");
        assertThat(top.timeS()).hasSize(186);
        assertThat(top.tailDb(VerificationResult.TAIL)).isCloseTo(-50.1, within(1e-6));
        assertThat(finished.canProbes().get("E_top").timeS()).hasSize(100);
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).containsExactly("can.xml", "reference.xml",
                "reference-ring-down.xml");
        assertThat(Files.readString(dir.resolve("work/reference-ring-down/reference-ring-down.xml")))
                .contains("NumberOfTimesteps=\"1852\"");
    }

    @Test
    void aSecondRunOfTheReferenceWithoutAResultKeepsTheFirstAndSaysWhy() throws Exception {
        OpenEmsRunner.Outcome outcome = run(decayingSolver("reference-ring-down.xml"), Duration.ofSeconds(30));

        OpenEmsRunner.Finished finished = (OpenEmsRunner.Finished) outcome;
        assertThat(finished.reference().timesteps()).isEqualTo(1000);
        assertThat(finished.referenceProbes().get("E_top").timeS()).hasSize(100);
        assertThat(finished.referenceRingDown()).isEqualTo(new OpenEmsRunner.LongerReference(1000, 1852,
                "the solver exited with status 3 in the run reference-ring-down: Error: out of memory"));
    }

    @Test
    void openEmsLogsAreReadIntoTheRunsFacts() {
        // the reference run of the Wi-Fi model (openEMS v0.0.35): ended by the end criteria (−40 dB) after 7,878 steps
        List<String> ended = List.of("Running FDTD engine... this may take a while... grab a cup of coffee?!?",
                "[@        4s] Timestep:         3978 || Speed:  216.7 MC/s (1.023e-03 s/TS) || Energy: ~6.37e-19 (- 9.68dB)",
                "[@        8s] Timestep:         7878 || Speed:  212.3 MC/s (1.044e-03 s/TS) || Energy: ~2.83e-22 (-43.20dB)",
                "Time for 7878 iterations with 221697.00 cells : 8.14 sec", "Speed: 214.51 MCells/s ");
        assertThat(OpenEmsRunner.facts(ended, 8.2, "reference", true)).isEqualTo(new OpenEmsRunner.RunFacts(7878, -43.20, -43.20, 8.2));
        // the can's: its step limit reached with the energy 7.9 dB down
        List<String> cut = List.of(
                "[@       28s] Timestep:        28704 || Speed:  224.5 MC/s (9.877e-04 s/TS) || Energy: ~2.84e-18 (- 7.90dB)",
                "RunFDTD: Warning: Max. number of timesteps was reached before the end-criteria of -40dB was reached... ",
                "Time for 30000 iterations with 221697.00 cells : 29.57 sec");
        assertThat(OpenEmsRunner.facts(cut, 29.6, "can", false)).isEqualTo(new OpenEmsRunner.RunFacts(30000, -7.90, -7.90, 29.6));
        // too short to report progress: no energy
        assertThat(OpenEmsRunner.facts(List.of("Time for 612 iterations with 1000.00 cells : 0.01 sec"), 0.1, "x", true))
                .isEqualTo(new OpenEmsRunner.RunFacts(612, null, null, 0.1));
        // energy above its peak, or not a number: diverged
        assertThat(OpenEmsRunner.facts(List.of("Timestep: 10 || Energy: ~3e+05 (--3.10dB)",
                "Time for 10 iterations with 1 cells : 0.1 sec"), 0.1, "can", false))
                .isEqualTo(new OpenEmsRunner.Failed("the solution diverged: the field energy of the run can rose to 3.1 dB "
                        + "above its peak (the mesh or the time step is unstable)"));
        assertThat(OpenEmsRunner.facts(List.of("Timestep: 10 || Energy: ~nan (-nandB)",
                "Time for 10 iterations with 1 cells : 0.1 sec"), 0.1, "can", false))
                .isInstanceOf(OpenEmsRunner.Failed.class);
        // the reference of the Wi-Fi model run for 200,000 steps: its energy fell to −45.9 dB, then grew (openEMS
        // reports it against the largest so far) until it stood at its peak again
        List<String> regrown = List.of(
                "[@        4s] Timestep:         2652 || Speed:  210.1 MC/s (1.055e-03 s/TS) || Energy: ~8.14e-18 (- 0.00dB)",
                "[@       12s] Timestep:         7254 || Speed:  205.3 MC/s (1.080e-03 s/TS) || Energy: ~2.08e-22 (-45.93dB)",
                "[@      150s] Timestep:       109122 || Speed:  205.3 MC/s (1.080e-03 s/TS) || Energy: ~4.62e-18 (- 2.46dB)",
                "[@      250s] Timestep:       199992 || Speed:  205.3 MC/s (1.080e-03 s/TS) || Energy: ~9.62e-18 (- 0.00dB)",
                "Time for 200000 iterations with 221697.00 cells : 273.69 sec");
        // in the can, whose energy figure swings as it rings, the same lines prove nothing
        assertThat(OpenEmsRunner.facts(regrown, 273.7, "can", false)).isInstanceOf(OpenEmsRunner.RunFacts.class);
        assertThat(OpenEmsRunner.facts(regrown, 273.7, "reference", true)).isEqualTo(new OpenEmsRunner.Failed(
                "the solution diverged: the field energy of the run reference fell to -45.9 dB and grew back past its "
                        + "peak by step 200000 (a late-time instability of the model's numerics; a shorter run, "
                        + "shieldfab.fullwave.max-timesteps, ends before it)"));
        // the same run cut at 30,000 steps: grown back 21.7 dB, not yet past its peak: facts, with the growth
        OpenEmsRunner.RunFacts cutEarly = (OpenEmsRunner.RunFacts) OpenEmsRunner.facts(List.of(regrown.get(1),
                "[@       40s] Timestep:        29796 || Speed:  205.3 MC/s (1.080e-03 s/TS) || Energy: ~3.07e-20 (-24.24dB)",
                "Time for 30000 iterations with 221697.00 cells : 30.1 sec"), 30.1, "reference", true);
        assertThat(cutEarly.regrowthDb()).isCloseTo(45.93 - 24.24, within(1e-9));
        // no "Time for": the solver stopped without finishing
        assertThat(OpenEmsRunner.facts(List.of("Create FDTD operator", "Killed"), 0.1, "can", false))
                .isEqualTo(new OpenEmsRunner.Failed("the solver ended without finishing the run can: Killed"));
    }
}
