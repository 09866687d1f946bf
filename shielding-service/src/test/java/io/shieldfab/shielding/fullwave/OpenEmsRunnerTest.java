package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

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
