package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shieldfab.design.DesignFormat;
import io.shieldfab.design.DesignJson;
import io.shieldfab.support.hashing.Sha256;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.VerificationRequest;
import io.shieldfab.gateway.HandoffBundle;
import io.shieldfab.gateway.IdempotencyRecord;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.HandoffBundleRepository;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.shieldfab.gateway.repository.IdempotencyRepository;
import io.shieldfab.gateway.repository.HandoffFactsRepository;
import io.shieldfab.gateway.rest.dto.HandoffPage;
import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.gateway.security.ApiKeys;
import io.shieldfab.gateway.security.Caller;
import io.shieldfab.gateway.webhook.CallbackTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts handoffs (validation, idempotency, persistence) and answers questions about them. The
 * work itself is done by the pipeline, which {@link HandoffScheduler} starts on hearing of a submission
 * ({@link HandoffSubmitted}) or at its next poll.
 */
@ApplicationScoped
public class HandoffService {

    /** The result of a submission; {@code replayed} when an Idempotency-Key matched an earlier request. */
    public record Submission(HandoffView handoff, boolean replayed) {
    }

    private final HandoffRepository handoffs;
    private final HandoffBundleRepository bundles;
    private final IdempotencyRepository idempotency;
    private final CallbackTargets callbackTargets;
    private final WebhookSecretService webhookSecrets;
    private final HandoffFactsRepository facts;
    private final HandoffViews views;
    private final ApiKeys apiKeys;
    private final Event<HandoffSubmitted> submitted;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    /** The one design reader, with the output limits (docs/design-document.md, "Output size"). */
    private final DesignValidation designs;
    private final HandoffMetrics metrics;
    private final HandoffTracing tracing;

    public HandoffService(HandoffRepository handoffs, HandoffBundleRepository bundles, IdempotencyRepository idempotency,
                          CallbackTargets callbackTargets,
                          WebhookSecretService webhookSecrets, HandoffFactsRepository facts, HandoffViews views,
                          ApiKeys apiKeys, Event<HandoffSubmitted> submitted, GatewayConfig config, DesignValidation designs,
                          ObjectMapper mapper, HandoffMetrics metrics, HandoffTracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.handoffs = handoffs;
        this.bundles = bundles;
        this.idempotency = idempotency;
        this.callbackTargets = callbackTargets;
        this.webhookSecrets = webhookSecrets;
        this.facts = facts;
        this.views = views;
        this.apiKeys = apiKeys;
        this.submitted = submitted;
        this.config = config;
        this.mapper = mapper;
        this.designs = designs;
    }

    /**
     * Validates and persists a handoff. The body is the design itself (JSON or YAML), or a JSON
     * envelope {@code {"design": {...}, "callbackUrl": "..."}}; {@code callbackUrl} may also come as a
     * query parameter.
     */
    public Submission submitForOwner(String owner, String idempotencyKey, byte[] body, String contentType,
                                     String callbackUrlParam) {
        String requestHash = requestHash(body, contentType, callbackUrlParam);
        Instant claimedAt = null;
        if (idempotencyKey != null) {
            Claim claim = beginIdempotent(owner, idempotencyKey, requestHash);
            if (claim.replay() != null) {
                metrics.submitted(true);
                return claim.replay();
            }
            claimedAt = claim.claimedAt();
        }
        Instant claim = claimedAt;
        IdempotencyRecord.Key recordKey = idempotencyKey == null ? null : new IdempotencyRecord.Key(owner, idempotencyKey);
        try {
            refuseWhenQueueFull(owner);
            Handoff handoff = accept(owner, body, contentType, callbackUrlParam);
            String id = handoff.id;
            // The answer is the view of the row as it commits, made in its transaction rather than read back.
            HandoffView view = QuarkusTransaction.requiringNew().call(() -> {
                if (recordKey != null) {
                    IdempotencyRecord record = idempotency.findById(recordKey);
                    // Still ours? A repeat may have taken the key over meanwhile (see beginIdempotent); then
                    // its handoff is the one, and this request must not make a second.
                    if (record == null || record.state != IdempotencyRecord.State.IN_PROGRESS || !record.createdAt.equals(claim)) {
                        throw inProgress();
                    }
                    record.state = IdempotencyRecord.State.COMPLETED;
                    record.handoffId = id;
                }
                handoffs.persist(handoff);
                submitted.fire(new HandoffSubmitted(id));
                return views.toView(handoff);
            });
            metrics.submitted(false);
            return new Submission(view, false);
        } catch (RuntimeException e) {
            if (recordKey != null) {
                // A refused request leaves no trace: the client may correct it and retry with the same key.
                // Only our own claim is removed, never a record another request has taken over or completed.
                QuarkusTransaction.requiringNew().run(() -> idempotency.delete(
                        "key.ownerKeyHash = ?1 and key.idemKey = ?2 and createdAt = ?3 and state = ?4",
                        owner, idempotencyKey, claim, IdempotencyRecord.State.IN_PROGRESS));
            }
            throw e;
        }
    }

    /** Seconds a client is asked to wait when the queue is full: about the time the workers need to make room. */
    static final long QUEUE_FULL_RETRY_AFTER_S = 30;

    /**
     * Back-pressure: accepting is far cheaper than working a handoff (docs/benchmarks.md), so without
     * a bound a burst of submissions becomes a backlog of hours. Counted across all replicas, since
     * they share the queue. A replay of an earlier submission never gets here: it is answered above.
     */
    private void refuseWhenQueueFull(String owner) {
        int perKey = config.handoff().maxOpenPerKey();
        int limit = config.handoff().maxQueued();
        if (perKey <= 0 && limit <= 0) {
            return;
        }
        HandoffRepository.OpenCounts counts = QuarkusTransaction.requiringNew().call(() -> handoffs.countOpenOfAllAnd(owner));
        if (perKey > 0) {
            // One key must not fill the shared queue for every tenant: its own cap comes first, as 429 (its quota).
            long own = counts.owner();
            if (own >= perKey) {
                throw new HandoffProblem(new Problem("/problems/too-many-open-handoffs", "Too many open handoffs", 429,
                        "This API key has " + own + " handoffs waiting or running (limit " + perKey + " per key); nothing "
                                + "was stored. Retry after " + QUEUE_FULL_RETRY_AFTER_S + " s.", null, null, null),
                        QUEUE_FULL_RETRY_AFTER_S);
            }
        }
        long open = counts.all();
        if (limit > 0 && open >= limit) {
            throw new HandoffProblem(new Problem("/problems/queue-full", "Handoff queue full", 503,
                    "The gateway has " + open + " handoffs waiting or running (limit " + limit + "); nothing was stored. "
                            + "Retry after " + QUEUE_FULL_RETRY_AFTER_S + " s.", null, null, null), QUEUE_FULL_RETRY_AFTER_S);
        }
    }

    /** The outcome of presenting an Idempotency-Key: a replay of the first answer, or the key claimed at an instant. */
    private record Claim(Submission replay, Instant claimedAt) {
    }

    /**
     * What makes two requests "the same" for Idempotency-Key: the body bytes, whether it is JSON or
     * YAML (not the spelling of the Content-Type header), and the callbackUrl parameter.
     */
    public static String requestHash(byte[] body, String contentType, String callbackUrl) {
        String format;
        try {
            format = contentType == null ? "none" : DesignFormat.fromContentType(contentType).name();
        } catch (IllegalArgumentException e) {
            format = "other";
        }
        return Sha256.hex(Sha256.hex(format + "\n" + callbackUrl + "\n") + Sha256.hex(body));
    }

    private Claim beginIdempotent(String owner, String key, String requestHash) {
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidDesignException(List.of(new Violation("Idempotency-Key", "must be 1 to 255 characters")));
        }
        Instant now = Clock.now();
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(owner, key);
        Optional<String> replayOf;
        try {
            replayOf = QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyRecord existing = idempotency.findById(id);
                if (existing != null && existing.expiresAt.isBefore(now)) {
                    idempotency.delete(existing);
                    idempotency.flush();
                    existing = null;
                }
                if (existing == null) {
                    IdempotencyRecord record = new IdempotencyRecord();
                    record.key = id;
                    record.requestSha256 = requestHash;
                    record.state = IdempotencyRecord.State.IN_PROGRESS;
                    record.createdAt = now;
                    record.expiresAt = now.plus(config.idempotency().ttl());
                    idempotency.persist(record);
                    idempotency.flush();
                    return Optional.<String>empty();
                }
                if (existing.requestSha256.equals(requestHash) && existing.state == IdempotencyRecord.State.IN_PROGRESS
                        && !existing.createdAt.plus(config.idempotency().abandonedAfter()).isAfter(now)) {
                    // The first request died between claiming the key and finishing (its gateway replica was
                    // killed, or lost the database and could not remove the claim): no answer will ever come
                    // from it, so this repeat takes the key over. Compare-and-set on createdAt, so of several
                    // repeats racing for it exactly one wins; the others are told to retry.
                    int won = idempotency.update("createdAt = ?1, expiresAt = ?2 where key.ownerKeyHash = ?3 "
                                    + "and key.idemKey = ?4 and createdAt = ?5 and state = ?6",
                            now, now.plus(config.idempotency().ttl()), owner, key, existing.createdAt,
                            IdempotencyRecord.State.IN_PROGRESS);
                    if (won != 1) {
                        throw inProgress();
                    }
                    return Optional.<String>empty();
                }
                if (!existing.requestSha256.equals(requestHash)) {
                    throw new HandoffProblem(new Problem("/problems/idempotency-key-reused", "Idempotency-Key reused", 422,
                            "This Idempotency-Key was first used with a different request; use a new key for a new request.",
                            null, null, null));
                }
                if (existing.state == IdempotencyRecord.State.IN_PROGRESS) {
                    throw inProgress();
                }
                return Optional.of(existing.handoffId);
            });
        } catch (PersistenceException concurrentInsert) {
            // Another request with the same key inserted its record between our read and our insert.
            throw inProgress();
        }
        return replayOf.map(handoffId -> new Claim(new Submission(view(handoffId).orElseThrow(), true), null))
                .orElse(new Claim(null, now));
    }

    private static HandoffProblem inProgress() {
        return new HandoffProblem(new Problem("/problems/idempotency-key-in-progress", "Request in progress", 409,
                "A request with this Idempotency-Key is still being processed; retry after it has finished.",
                null, null, null));
    }

    private Handoff accept(String owner, byte[] body, String contentType, String callbackUrlParam) {
        if (body.length > config.maxDesignBytes()) {
            throw HandoffProblem.payloadTooLarge(config.maxDesignBytes());
        }
        String callbackUrl = callbackUrlParam;
        byte[] designBytes = body;
        String designType = contentType;
        JsonNode envelope = envelope(body, contentType);
        if (envelope != null) {
            designBytes = envelope.get("design").toString().getBytes(StandardCharsets.UTF_8);
            designType = "application/json";
            if (envelope.hasNonNull("callbackUrl")) {
                callbackUrl = envelope.get("callbackUrl").asText();
            }
        }
        ReadResult result = designs.read(designBytes, designType);
        List<Violation> violations = new ArrayList<>(envelope == null ? result.violations()
                : result.violations().stream().map(v -> v.under("design")).toList());
        if (callbackUrl != null) {
            callbackTargets.refusal(callbackUrl).ifPresent(reason -> violations.add(new Violation("callbackUrl", reason)));
        }
        VerificationRequest fullwaveMesh = null;
        if (envelope != null && envelope.hasNonNull(FULLWAVE_VERIFICATION)) {
            VerificationRequest.Read read = VerificationRequest.read(envelope.get(FULLWAVE_VERIFICATION), FULLWAVE_VERIFICATION);
            violations.addAll(read.violations());
            fullwaveMesh = read.mesh();
        }
        if (!violations.isEmpty()) {
            throw new InvalidDesignException(violations);
        }
        if (callbackUrl != null && !webhookSecrets.hasSecret(owner)) {
            // 409, not 400: the request is valid, the API key's state is not ready for it (docs/api-guide.md)
            throw WebhookSecretService.secretRequired();
        }
        Instant now = Clock.now();
        Handoff handoff = new Handoff();
        handoff.id = UUID.randomUUID().toString();
        handoff.ownerKeyHash = owner;
        handoff.submittedBy = apiKeys.byOwner(owner).map(Caller::name).orElse(null);
        handoff.designName = result.design().name();
        handoff.designRevision = result.design().revision();
        handoff.status = Handoff.Status.QUEUED;
        handoff.createdAt = now;
        handoff.updatedAt = now;
        handoff.designJson = DesignJson.write(result.design());
        handoff.warningsJson = views.json(result.warnings());
        handoff.callbackUrl = callbackUrl;
        handoff.fullwaveMeshJson = fullwaveMesh == null ? null : views.json(fullwaveMesh);
        handoff.attempts = 0;
        handoff.nextAttemptAt = now;
        handoff.webhookAttempts = 0;
        handoff.traceParent = tracing.currentTraceParent();
        return handoff;
    }

    /**
     * The envelope's field asking for a full-wave verification: the handoff then waits for the run and its bundle
     * carries the model and the result (docs/api-guide.md, "Submit a handoff").
     */
    static final String FULLWAVE_VERIFICATION = "fullwaveVerification";

    /** The envelope form {@code {"design": {...}, "callbackUrl": ..., "fullwaveVerification": {...}}}, or null for a bare design. */
    private JsonNode envelope(byte[] body, String contentType) {
        DesignFormat format;
        try {
            format = contentType == null ? DesignFormat.JSON : DesignFormat.fromContentType(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (format != DesignFormat.JSON) {
            return null;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree != null && tree.isObject() && tree.path("design").isObject() && !tree.has("package")) {
                return tree;
            }
        } catch (IOException notJson) {
            return null;
        }
        return null;
    }

    public Optional<HandoffView> view(String id) {
        return QuarkusTransaction.requiringNew().call(() -> handoffs.findByResourceId(id).map(views::toView));
    }

    /** A handoff only its owner may see; others get the same answer as for a missing one. */
    public Optional<HandoffView> viewForOwner(String owner, String id) {
        return QuarkusTransaction.requiringNew().call(() -> handoffs.findByResourceId(id)
                .filter(h -> h.ownerKeyHash.equals(owner)).map(views::toView));
    }

    public Optional<HandoffBundle> bundleForOwner(String owner, String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Handoff handoff = handoffs.findByResourceId(id).orElse(null);
            if (handoff == null || !handoff.ownerKeyHash.equals(owner)) {
                throw HandoffProblem.notFound(id);
            }
            if (handoff.status != Handoff.Status.SUCCEEDED) {
                throw new HandoffProblem(Problem.of(409, "Conflict",
                        "The handoff is " + handoff.status + "; its bundle exists once it has SUCCEEDED."));
            }
            return Optional.ofNullable(bundles.findById(id));
        });
    }

    public HandoffPage listForOwner(String owner, int limit, String cursor) {
        Instant before = null;
        String beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = decoded.indexOf('|');
                before = Instant.parse(decoded.substring(0, bar));
                beforeId = decoded.substring(bar + 1);
            } catch (RuntimeException e) {
                throw new InvalidDesignException(List.of(new Violation("cursor", "is not a cursor this API returned")));
            }
        }
        Instant b = before;
        String bid = beforeId;
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Handoff> rows = handoffs.page(owner, b, bid, limit + 1);
            List<HandoffView> items = rows.stream().limit(limit).map(views::toView).toList();
            String next = null;
            if (rows.size() > limit) {
                Handoff last = rows.get(limit - 1);
                next = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((last.createdAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
            }
            return new HandoffPage(items, next);
        });
    }

    /**
     * What a SUCCEEDED handoff of this owner shows (stored when it finished); empty for one that finished before
     * its facts were stored, or has not succeeded.
     */
    public Optional<HandoffOutcome> outcomeForOwner(String owner, String id) {
        return QuarkusTransaction.requiringNew().call(() -> handoffs.findByResourceId(id)
                .filter(h -> h.ownerKeyHash.equals(owner))
                .map(h -> facts.findById(h.id))
                .map(row -> views.read(row.factsJson, HandoffOutcome.class)));
    }
}
