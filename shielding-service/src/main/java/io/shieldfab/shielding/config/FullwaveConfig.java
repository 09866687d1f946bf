package io.shieldfab.shielding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits and settings of full-wave verification runs ({@code shieldfab.fullwave.*} in application.properties;
 * docs/shielding.md, "Verification runs", and docs/operations.md).
 */
@ConfigMapping(prefix = "shieldfab.fullwave")
public interface FullwaveConfig {

    /** The openEMS program (Debian package openems). */
    @WithDefault("/usr/bin/openEMS")
    String executable();

    /** Runs at once on this replica; more wait QUEUED. */
    @WithDefault("1")
    int concurrentRuns();

    /** Threads of each openEMS process. */
    @WithDefault("2")
    int threadsPerRun();

    /** A model of more cells ends its run FAILED before the solver starts. */
    @WithDefault("2000000")
    long maxCells();

    /** Wall time of both openEMS runs of a verification together; the solver is stopped after it. */
    @WithDefault("PT30M")
    Duration timeLimit();

    /** Time steps of each run (docs/shielding.md, "Verification runs": why not longer). */
    @WithDefault("30000")
    int maxTimesteps();

    /**
     * Time steps a run of the operating-frequency pulse may need (its length is set in time, 16σ: docs/shielding.md,
     * "The pulse"); a verification needing more ends FAILED before the solver runs.
     */
    @WithDefault("300000")
    int maxPulseTimesteps();

    /** Where runs write their inputs and probes (removed after each run). */
    String workDir();

    /** How long a replica holds a running verification without renewing it; renewed every third of it. */
    @WithDefault("PT1M")
    Duration lease();

    /** How often an idle worker looks for queued runs. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Starts of one verification at the most (a replica stopping mid-run counts one). */
    @WithDefault("3")
    int maxAttempts();

    /** Where verifications run: in this replica's own openEMS process, or each as a Kubernetes Job. */
    enum Runner { LOCAL, KUBERNETES }

    /** {@code local} (default) or {@code kubernetes} (docs/shielding.md, "Verification runs on Kubernetes"). */
    @WithDefault("local")
    Runner runner();

    /**
     * Set only in a verification Job's pod: the one verification this process runs (with the local runner) before
     * it exits; the process takes nothing from the queue.
     */
    Optional<String> runOne();

    /** How verification Jobs are made when {@link #runner()} is {@code kubernetes}. */
    Kubernetes kubernetes();

    interface Kubernetes {

        /** This replica's pod (the downward API's pod name, or HOSTNAME): its image, env and security are the Job's. */
        Optional<String> podName();

        /** The Jobs' image; by default the image of this replica's own container, so Job and service match. */
        Optional<String> image();

        /** Memory of a Job's pod besides the solver's cells: its JVM (heap {@link #jvmHeapMib()}) and openEMS. */
        @WithDefault("320")
        int baseMemoryMib();

        /** The Job's JVM heap; the rest of the pod's memory is the solver's. */
        @WithDefault("160")
        int jvmHeapMib();

        /** openEMS's memory per cell, with margin (docs/shielding.md, "Verification runs on Kubernetes"). */
        @WithDefault("160")
        int bytesPerCell();

        /** Time a Job's pod may take to be scheduled and start its JVM, on top of the time limit. */
        @WithDefault("PT3M")
        Duration startAllowance();

        /** How long a finished Job and its pod stay for an operator to read (ttlSecondsAfterFinished). */
        @WithDefault("PT1H")
        Duration keepFinished();
    }
}
