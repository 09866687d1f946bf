package io.shieldfab.shielding;

import io.shieldfab.shielding.fullwave.FullwaveModel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A full-wave verification run of an evaluation (docs/shielding.md, "Verification runs"). */
@Entity
@Table(name = "verification")
public class Verification {

    /** QUEUED until a worker takes it, RUNNING while openEMS runs, then SUCCEEDED or FAILED. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "VerificationStatus")
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    public String id;

    @Column(name = "evaluation_id", nullable = false)
    public String evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "cells_per_wavelength", nullable = false)
    public int cellsPerWavelength;

    @Column(name = "cells_per_opening", nullable = false)
    public int cellsPerOpening;

    /** What drives the dipole (docs/shielding.md, "The pulse"). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public FullwaveModel.PulseKind pulse = FullwaveModel.PulseKind.BROADBAND;

    /** The mesh's cells, once the model is made. */
    @Column(name = "cell_count")
    public Long cellCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Until when the replica that runs it holds it; renewed while the solver runs. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** How often a worker started it (a run cut off by a stopped replica is started again, up to a limit). */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "failure_reason", length = 1000)
    public String failureReason;

    /** The VerificationResult as JSON, when SUCCEEDED. */
    @Column(name = "result_json", columnDefinition = "TEXT")
    public String resultJson;
}
