package io.shieldfab.shielding.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.shielding.Verification;
import io.shieldfab.shielding.fullwave.FullwaveArchive;
import io.shieldfab.shielding.fullwave.FullwaveModel;
import io.shieldfab.shielding.fullwave.VerificationResult;
import io.shieldfab.shielding.repository.EvaluationRepository;
import io.shieldfab.shielding.repository.VerificationRepository;
import io.shieldfab.shielding.rest.dto.EvaluationReport;
import io.shieldfab.shielding.rest.dto.VerificationView;
import io.shieldfab.support.idempotency.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional boundary of full-wave verifications (docs/shielding.md, "Verification runs"): queue one for an
 * evaluation, show them, and the worker's steps (take, renew, finish, fail, queue again).
 */
@ApplicationScoped
public class VerificationService {

    /** The longest failure reason stored (the column's width). */
    static final int MAX_REASON = 1000;

    @Inject
    VerificationRepository repository;

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationService evaluationService;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotencyStore idempotency;

    /**
     * What a worker needs to run a verification: its mesh, the evaluation's model and analytic figures, and how many
     * times it has been started (this start included).
     */
    public record Job(String id, FullwaveModel.Density density, FullwaveModel.PulseKind pulse, EvaluationReport report,
                      int attempt, Verification.Status status) {

        public FullwaveModel model() {
            return EvaluationService.modelOf(report, density, pulse);
        }

        public List<FullwaveArchive.AnalyticPoint> analytic() {
            return EvaluationService.analyticOf(report);
        }

        /** The slowest ring-down the report's loaded cavity allows; null when it gives no Q or no mode. */
        public VerificationResult.RingDown ringDown() {
            EvaluationReport.LoadedCavity cavity = report.loadedCavity();
            if (cavity == null || cavity.dielectricQ() == null || report.cavityResonances().isEmpty()) {
                return null;
            }
            return new VerificationResult.RingDown(cavity.dielectricQ(), report.cavityResonances().stream()
                    .mapToDouble(EvaluationReport.Resonance::frequencyHz).min().orElseThrow());
        }
    }

    public static String path(String evaluationId, String id) {
        return EvaluationService.BASE_PATH + "/" + evaluationId + "/verifications/" + id;
    }

    /** Queues a verification of the evaluation on this mesh, driven by this pulse; 404 when there is no such evaluation. */
    @Transactional
    public VerificationView create(String evaluationId, FullwaveModel.Density density, FullwaveModel.PulseKind pulse) {
        if (evaluations.findByResourceId(evaluationId).isEmpty()) {
            throw new NotFoundException();
        }
        Verification v = new Verification();
        v.id = UUID.randomUUID().toString();
        v.evaluationId = evaluationId;
        v.status = Verification.Status.QUEUED;
        v.cellsPerWavelength = density.cellsPerWavelength();
        v.cellsPerOpening = density.cellsPerOpening();
        v.pulse = pulse;
        v.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        repository.persist(v);
        VerificationView view = view(v);
        // with the verification, in its transaction, as a 202 (docs/api-guide.md §4)
        idempotency.storeWithAcceptance(path(evaluationId, v.id), view);
        return view;
    }

    /** An evaluation's verifications, newest first; 404 when there is no such evaluation. */
    @Transactional
    public List<VerificationView> list(String evaluationId) {
        if (evaluations.findByResourceId(evaluationId).isEmpty()) {
            throw new NotFoundException();
        }
        return repository.listOf(evaluationId).stream().map(this::view).toList();
    }

    @Transactional
    public Optional<VerificationView> find(String evaluationId, String id) {
        return repository.findOf(evaluationId, id).map(this::view);
    }

    @Transactional
    public List<String> queued(int limit) {
        return repository.queued(limit);
    }

    /** Takes a queued verification until {@code leaseUntil}; false when another replica took it. */
    @Transactional
    public boolean claim(String id, Instant leaseUntil) {
        return repository.claim(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), leaseUntil);
    }

    @Transactional
    public Job job(String id) {
        Verification v = repository.findById(id);
        if (v == null) {
            throw new IllegalArgumentException("there is no verification " + id);
        }
        EvaluationReport report = evaluationService.find(v.evaluationId).orElseThrow();
        return new Job(v.id, new FullwaveModel.Density(v.cellsPerWavelength, v.cellsPerOpening), v.pulse, report,
                v.attempts, v.status);
    }

    /** The verification's status alone (its report is not read). */
    @Transactional
    public Verification.Status status(String id) {
        return repository.findById(id).status;
    }

    @Transactional
    public void renew(String id, Instant leaseUntil) {
        repository.renew(id, leaseUntil);
    }

    /** Records the model's size once it is made. */
    @Transactional
    public void cells(String id, long cells) {
        repository.findById(id).cellCount = cells;
    }

    @Transactional
    public void succeed(String id, VerificationResult result) {
        Verification v = repository.findById(id);
        try {
            v.resultJson = mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verification result is always serialisable", e);
        }
        end(v, Verification.Status.SUCCEEDED);
    }

    @Transactional
    public void fail(String id, String reason) {
        Verification v = repository.findById(id);
        v.failureReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
        end(v, Verification.Status.FAILED);
    }

    /** Puts a verification this replica will not finish (it is stopping) back in the queue, for any replica. */
    @Transactional
    public void release(String id) {
        Verification v = repository.findById(id);
        if (v != null && v.status == Verification.Status.RUNNING) {
            v.status = Verification.Status.QUEUED;
            v.leaseUntil = null;
        }
    }

    /**
     * Running verifications whose replica stopped renewing them: queued again, or FAILED after {@code maxAttempts}
     * starts (a model that stops its replica every time must not stop every replica in turn).
     *
     * @return how many were queued again or failed
     */
    @Transactional
    public int recoverExpired(int maxAttempts) {
        List<Verification> expired = repository.expired(Instant.now());
        for (Verification v : expired) {
            if (v.attempts >= maxAttempts) {
                v.failureReason = "the run was cut off " + v.attempts + " times (its replica stopped while the solver "
                        + "ran); not started again";
                end(v, Verification.Status.FAILED);
            } else {
                v.status = Verification.Status.QUEUED;
                v.leaseUntil = null;
            }
        }
        return expired.size();
    }

    private static void end(Verification v, Verification.Status status) {
        v.status = status;
        v.finishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        v.leaseUntil = null;
    }

    /**
     * Which figures a verdict rests on: the analytic ones, which the calibration found conservative wherever the
     * full-wave figures converged (docs/shielding.md, "Calibration").
     */
    static final VerificationView.VerdictBasis VERDICT_BASIS = VerificationView.VerdictBasis.ANALYTIC;

    /** A stored result, read back; null for none. */
    static VerificationView.Result result(ObjectMapper mapper, String json) {
        try {
            return json == null ? null : mapper.readValue(json, VerificationView.Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored verification result is always readable", e);
        }
    }

    VerificationView view(Verification v) {
        VerificationView.Result result = result(mapper, v.resultJson);
        String self = path(v.evaluationId, v.id);
        String evaluation = EvaluationService.BASE_PATH + "/" + v.evaluationId;
        return new VerificationView(v.id, v.evaluationId, v.status, v.createdAt, v.startedAt, v.finishedAt, v.attempts,
                new VerificationView.Mesh(v.cellsPerWavelength, v.cellsPerOpening, v.cellCount), v.pulse, v.failureReason,
                v.status == Verification.Status.SUCCEEDED ? VERDICT_BASIS : null, result,
                new VerificationView.Links(self, evaluation, evaluation + "/fullwave-model?cellsPerWavelength="
                        + v.cellsPerWavelength + "&cellsPerOpening=" + v.cellsPerOpening
                        + (v.pulse == FullwaveModel.PulseKind.BROADBAND ? "" : "&pulse=" + v.pulse)));
    }
}
