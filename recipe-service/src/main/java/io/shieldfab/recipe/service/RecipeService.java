package io.shieldfab.recipe.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Template;
import io.shieldfab.design.Design;
import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import io.shieldfab.recipe.Recipe;
import io.shieldfab.recipe.format.MesXmlWriter;
import io.shieldfab.recipe.format.RecipeDocument;
import io.shieldfab.recipe.format.TravelerPdf;
import io.shieldfab.recipe.format.TravelerView;
import io.shieldfab.recipe.process.DepositMetal;
import io.shieldfab.recipe.process.Faraday;
import io.shieldfab.recipe.process.FillReport;
import io.shieldfab.recipe.process.Procedure;
import io.shieldfab.recipe.process.RecipeCompiler;
import io.shieldfab.recipe.process.Units;
import io.shieldfab.recipe.repository.RecipeRepository;
import io.shieldfab.recipe.rest.dto.CreateRecipeRequest;
import io.shieldfab.recipe.rest.dto.FillRequest;
import io.shieldfab.recipe.rest.dto.PlatingRequest;
import io.shieldfab.recipe.rest.dto.PlatingResponse;
import io.shieldfab.recipe.rest.dto.RecipeResponse;
import io.shieldfab.design.process.FillModel;
import io.shieldfab.support.config.FillPolicyConfig;
import io.shieldfab.support.hashing.Sha256;
import io.shieldfab.support.idempotency.IdempotencyStore;
import io.shieldfab.support.json.CanonicalJson;
import io.shieldfab.support.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The transactional boundary of recipe-service: compiles, stores, versions and moves recipes through their
 * lifecycle DRAFT → APPROVED → RELEASED, and renders their outputs. A released recipe is never written again;
 * a change to it makes a new version.
 */
@ApplicationScoped
public class RecipeService {

    /** User recorded when the request has no {@code X-User} (docs/recipe.md §6). */
    public static final String DEFAULT_USER = "api";

    public static final String BASE_PATH = "/api/v1/recipes";

    private static final DesignReader DESIGNS = DesignReader.create();

    @Inject
    RecipeRepository repository;

    @Inject
    LayoutReader layouts;

    @Inject
    Template traveler;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    FillPolicyConfig fillPolicy;

    /** Observed by RecipeMeters once the transaction commits. */
    @Inject
    Event<RecipeTransition> transitions;

    /** A stored recipe and whether this call created it (false: changed in place). */
    public record Outcome(RecipeResponse recipe, boolean created) {
    }

    /**
     * Times a new recipe is stored, each in its own transaction with the then next version number, before a
     * concurrent compile of the same design that keeps taking the number makes it a 409. Each round of a collision
     * has one winner, so k compiles of one design at once need up to k attempts for the last of them: enough for
     * twenty at once (a handoff's retry takes over beyond).
     */
    static final int VERSION_ATTEMPTS = 20;

    /**
     * Compiles and stores a new DRAFT recipe, the next version for its design name. The compile runs once; when
     * another request stored the same version number first, the store is tried again with the next number (the
     * number is this service's business: a client would only send the same request again).
     */
    public RecipeResponse create(CreateRecipeRequest request, String user) {
        Compiled c = compile(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Recipe r = newVersion(c, user, null);
                    store(r);
                    transitions.fire(new RecipeTransition(Recipe.Status.DRAFT));
                    RecipeResponse created = toResponse(r);
                    // with the recipe, in its transaction (docs/api-guide.md §4)
                    idempotency.storeWithCreation(BASE_PATH + "/" + created.id(), created);
                    return created;
                });
            } catch (ConflictException versionTaken) {
                if (attempt >= VERSION_ATTEMPTS) {
                    throw versionTaken;
                }
                // a random pause of up to a millisecond per attempt, so that the losers do not meet again at once
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(attempt * 1_000_000L));
            }
        }
    }

    public Optional<RecipeResponse> find(String id) {
        return repository.findByResourceId(id).map(this::toResponse);
    }

    /**
     * Changes a recipe: a DRAFT or APPROVED one is recompiled in place and goes back to DRAFT (approval
     * withdrawn); a RELEASED one is left untouched and the change becomes a new DRAFT version.
     */
    @Transactional
    public Optional<Outcome> change(String id, CreateRecipeRequest request, String user) {
        Optional<Recipe> found = repository.findByResourceId(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Recipe old = found.get();
        Compiled c = compile(request);
        if (!c.design().name().equals(old.designName)) {
            throw new InvalidInputException(List.of(new Violation("design.name", "is '" + c.design().name()
                    + "' but recipe " + id + " is for '" + old.designName + "'; POST a new recipe instead")));
        }
        if (old.status == Recipe.Status.RELEASED) {
            Recipe next = newVersion(c, user, old.id);
            store(next);
            transitions.fire(new RecipeTransition(Recipe.Status.DRAFT));
            return Optional.of(new Outcome(toResponse(next), true));
        }
        old.designRevision = c.design().revision();
        old.layoutId = c.procedureLayoutId();
        old.designJson = c.designJson();
        old.recipeJson = c.recipeJson();
        old.contentHash = c.contentHash();
        if (old.status != Recipe.Status.DRAFT) {
            transitions.fire(new RecipeTransition(Recipe.Status.DRAFT));
        }
        old.status = Recipe.Status.DRAFT;
        old.approvedAt = null;
        old.approvedBy = null;
        old.approvalComment = null;
        return Optional.of(new Outcome(toResponse(old), false));
    }

    /**
     * Approves a DRAFT recipe.
     *
     * @param user    the caller's identity ({@code X-User}, else {@link #DEFAULT_USER})
     * @param comment the client's comment, or null
     */
    @Transactional
    public Optional<RecipeResponse> approve(String id, String user, String comment) {
        return repository.findByResourceId(id).map(r -> {
            if (r.status != Recipe.Status.DRAFT) {
                throw new ConflictException("Recipe " + id + " is " + r.status + "; only a DRAFT recipe can be"
                        + " approved (DRAFT → APPROVED → RELEASED).");
            }
            r.status = Recipe.Status.APPROVED;
            transitions.fire(new RecipeTransition(Recipe.Status.APPROVED));
            r.approvedBy = user;
            r.approvedAt = now();
            r.approvalComment = comment;
            return toResponse(r);
        });
    }

    /**
     * Releases an APPROVED recipe; it never changes again. A recipe whose fill FAILs is refused (422 naming the fill
     * rule and its fixes): it was compiled so the findings can be read, but the encapsulant would not fill.
     *
     * @param user    the caller's identity ({@code X-User}, else {@link #DEFAULT_USER})
     * @param comment the client's comment, or null
     */
    @Transactional
    public Optional<RecipeResponse> release(String id, String user, String comment) {
        return repository.findByResourceId(id).map(r -> {
            if (r.status != Recipe.Status.APPROVED) {
                throw new ConflictException("Recipe " + id + " is " + r.status + "; only an APPROVED recipe can be"
                        + " released (DRAFT → APPROVED → RELEASED).");
            }
            FillReport fill = readProcedure(r.recipeJson).fill();
            if (fill != null && !fill.passes()) {
                throw FillRefusedException.of(id, fill);
            }
            r.status = Recipe.Status.RELEASED;
            transitions.fire(new RecipeTransition(Recipe.Status.RELEASED));
            r.releasedBy = user;
            r.releasedAt = now();
            r.releaseComment = comment;
            return toResponse(r);
        });
    }

    /** Stored recipe as the writers see it. */
    public Optional<RecipeDocument> document(String id) {
        return repository.findByResourceId(id).map(RecipeService::toDocument);
    }

    /** The traveler as XHTML (served as HTML, and the source of the PDF). */
    public String travelerHtml(RecipeDocument doc) {
        return traveler.data("t", TravelerView.of(doc)).render();
    }

    public byte[] travelerPdf(RecipeDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        TravelerPdf.write(travelerHtml(doc), doc.createdAt(), out);
        return out.toByteArray();
    }

    public byte[] mesXml(RecipeDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        MesXmlWriter.write(doc, out);
        return out.toByteArray();
    }

    /** The fill model, stateless: the same code the compiler runs, under the configured policy. */
    public FillReport fill(FillRequest request) {
        if (request == null) {
            throw new InvalidInputException(List.of(new Violation("$", "a JSON body is required")));
        }
        return FillReport.of(FillModel.evaluate(request.toInput(), fillPolicy.policy()));
    }

    /** Faraday's law, stateless: the same code the compiler uses, with the bath window checked. */
    public PlatingResponse plating(PlatingRequest request) {
        if (request == null) {
            throw new InvalidInputException(List.of(new Violation("$", "a JSON body is required")));
        }
        DepositMetal metal = DepositMetal.fromName(request.metal());
        metal.bath.checkCurrentDensity(request.currentDensityAPerDm2());
        if (request.bathTemperatureC() != null || request.bathPh() != null) {
            metal.bath.checkOperatingPoint(
                    request.bathTemperatureC() == null ? metal.bath.temperatureC() : request.bathTemperatureC(),
                    request.bathPh() == null ? metal.bath.ph() : request.bathPh());
        }
        Faraday.PlatingResult r = Faraday.plate(metal, request.thicknessUm(), request.currentDensityAPerDm2(),
                request.areaMm2(), request.efficiency());
        var b = metal.bath;
        return new PlatingResponse(metal.name(), Units.significant(r.durationS()), Units.significant(r.currentA()),
                Units.significant(r.depositMassG()), r.efficiency(), Units.significant(r.ampereHours()),
                Units.significant(r.depositionRateUmPerH()),
                new PlatingResponse.Bath(b.name(), b.temperatureC(), b.minTemperatureC(), b.maxTemperatureC(), b.ph(),
                        b.minPh(), b.maxPh(), b.minCurrentDensityAPerDm2(), b.maxCurrentDensityAPerDm2()));
    }

    // --- compiling -----------------------------------------------------------------------------------------

    /** A compiled procedure as it is stored: its canonical JSON and the hash of exactly that text. */
    private record Compiled(Design design, String designJson, String recipeJson, String contentHash,
                            String procedureLayoutId) {
    }

    private Compiled compile(CreateRecipeRequest request) {
        JsonNode designNode = request == null ? null : request.design();
        JsonNode layoutNode = request == null ? null : request.layout();
        List<Violation> violations = new ArrayList<>();
        Design design = null;
        List<String> warnings = new ArrayList<>();
        if (designNode == null || designNode.isNull() || designNode.isMissingNode()) {
            violations.add(new Violation("design", "is required: the design document"));
        } else {
            ReadResult read = DESIGNS.read(designNode);
            read.violations().forEach(v -> violations.add(new Violation(prefixed("design", v.field()), v.message())));
            read.warnings().forEach(w -> warnings.add(prefixed("design", w.field()) + ": " + w.message()));
            if (read.valid()) {
                design = read.design();
            }
        }
        LayoutReader.Result layout = layouts.read(layoutNode, design);
        violations.addAll(layout.violations());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Procedure procedure = RecipeCompiler.compile(design, layout.facts(), warnings, fillPolicy.policy());
        // serialised once: CanonicalJson.sha256 is the hash of this same text (FormatTest)
        String recipeJson = CanonicalJson.write(procedure);
        return new Compiled(design, DesignJson.write(design), recipeJson, Sha256.hex(recipeJson),
                layout.facts().layoutId());
    }

    private Recipe newVersion(Compiled c, String user, String previousId) {
        Recipe r = new Recipe();
        r.id = UUID.randomUUID().toString();
        r.designName = c.design().name();
        r.designRevision = c.design().revision();
        r.layoutId = c.procedureLayoutId();
        r.version = repository.latestVersion(r.designName) + 1;
        r.status = Recipe.Status.DRAFT;
        r.contentHash = c.contentHash();
        r.createdAt = now();
        r.createdBy = user;
        r.previousId = previousId;
        r.designJson = c.designJson();
        r.recipeJson = c.recipeJson();
        return r;
    }

    /**
     * Inserts now, so that a concurrent compile that took the same version number is a {@link ConflictException}
     * here (tried again by {@link #create}, a 409 from {@link #change}) rather than a failure at commit.
     */
    private void store(Recipe r) {
        try {
            repository.persistAndFlush(r);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException || e instanceof ConstraintViolationException) {
                throw new ConflictException("Another request stored version " + r.version + " of '" + r.designName
                        + "' at the same time; retry the request.");
            }
            throw e;
        }
    }

    private static String prefixed(String root, String field) {
        if (field == null || field.isEmpty() || "$".equals(field)) {
            return root;
        }
        return root + (field.startsWith("[") ? "" : ".") + field;
    }

    /** Timestamps to the microsecond, as both H2 and PostgreSQL store them. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    // --- mapping -------------------------------------------------------------------------------------------

    private static RecipeDocument toDocument(Recipe r) {
        return new RecipeDocument(r.id, r.version, r.status.name(), r.contentHash, r.layoutId, r.createdAt,
                r.createdBy, r.approvedAt, r.approvedBy, r.releasedAt, r.releasedBy,
                readProcedure(r.recipeJson));
    }

    private RecipeResponse toResponse(Recipe r) {
        Procedure p = readProcedure(r.recipeJson);
        return new RecipeResponse(r.id, r.version, r.status, r.contentHash,
                new RecipeResponse.Header(r.designName, r.designRevision, r.layoutId, r.version, r.previousId),
                p.steps(), p.unitProcedures(), p.summary(), p.fill(), p.warnings(),
                new RecipeResponse.Lifecycle(r.createdBy, r.createdAt, r.approvedBy, r.approvedAt, r.approvalComment,
                        r.releasedBy, r.releasedAt, r.releaseComment));
    }

    private static Procedure readProcedure(String json) {
        try {
            return CanonicalJson.mapper().readValue(json, Procedure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored procedure is not readable", e);
        }
    }
}
