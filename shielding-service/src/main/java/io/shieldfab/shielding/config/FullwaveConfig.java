package io.shieldfab.shielding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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
}
