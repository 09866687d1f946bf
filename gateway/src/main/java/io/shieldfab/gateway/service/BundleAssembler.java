package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.CreatedDocument;
import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.client.LayoutClient;
import io.shieldfab.gateway.client.RecipeClient;
import io.shieldfab.gateway.client.RecipeResult;
import io.shieldfab.gateway.client.ShieldingClient;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.support.config.OutputLimitsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bundle of one handoff: each service answer streamed to the handoff's work folder under the per-file limit,
 * the zip written from the folder ({@link BundleBuilder}), and the facts the portal shows read from the same files
 * ({@link HandoffOutcome}). No bundle file is held in memory (docs/operations.md, "Output limits and handoff
 * bundles"); the three JSON documents read for facts are bounded by {@link #MAX_PARSED_BYTES}.
 */
@ApplicationScoped
class BundleAssembler {

    /**
     * Largest document parsed into memory. A layout holds metrics and a cut list of rows + columns + 2 cuts, about
     * 0.2 MB for the largest panel, so anything over this is a fault of the service, not a design, and fails the
     * handoff instead of filling the heap.
     */
    static final long MAX_PARSED_BYTES = 16L << 20;

    /** The bundle as written, and what it shows. */
    record Assembled(BundleBuilder.Written written, HandoffOutcome outcome) {
    }

    private final LayoutClient layout;
    private final ShieldingClient shielding;
    private final RecipeClient recipe;
    private final GatewayConfig config;
    private final OutputLimitsConfig outputLimits;
    private final ObjectMapper mapper;
    private final String gatewayVersion;
    private final StepPool pool;

    BundleAssembler(LayoutClient layout, ShieldingClient shielding, RecipeClient recipe, GatewayConfig config,
                    OutputLimitsConfig outputLimits, ObjectMapper mapper, StepPool pool,
                    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String gatewayVersion) {
        this.layout = layout;
        this.shielding = shielding;
        this.recipe = recipe;
        this.config = config;
        this.outputLimits = outputLimits;
        this.mapper = mapper;
        this.pool = pool;
        this.gatewayVersion = gatewayVersion;
    }

    /**
     * Copies a service's answer to {@code folder} under the per-file limit; the stream is closed either way, so a
     * file over the limit is not read to its end.
     */
    BundleBuilder.Entry download(String name, InputStream answer, WorkFolders.Folder folder) throws IOException {
        try (InputStream in = answer) {
            return BundleBuilder.copy(name, in, folder.resolve(name), maxBundleFileBytes(), folder::claim);
        }
    }

    /** A downloaded JSON document, parsed (see {@link #MAX_PARSED_BYTES}). */
    JsonNode parse(BundleBuilder.Entry file) throws IOException {
        return read(file, JsonNode.class);
    }

    /** A downloaded JSON document, read straight into {@code type} (see {@link #MAX_PARSED_BYTES}). */
    <T> T read(BundleBuilder.Entry file, Class<T> type) throws IOException {
        if (file.sizeBytes() > MAX_PARSED_BYTES) {
            throw DownstreamException.badAnswer("a service sent a document of " + file.sizeBytes()
                    + " bytes (" + file.path().getFileName() + "); the gateway reads at most " + MAX_PARSED_BYTES);
        }
        try (InputStream in = Files.newInputStream(file.path())) {
            return mapper.readValue(in, type);
        }
    }

    /**
     * A creating call's answer kept in {@code folder} as the bundle file {@code name} and read into {@code type}, which
     * must carry the artefact's {@code id} ({@link DownstreamException#requireId}, naming {@code service}); an I/O
     * failure is transient (UncheckedIOException), as for the files {@link #assemble} fetches.
     */
    <T> Created<T> keep(String name, CreatedDocument answer, WorkFolders.Folder folder, Class<T> type,
                        Function<T, String> id, String service) {
        BundleBuilder.Entry file;
        T result;
        try {
            file = download(name, answer.body(), folder);
            result = read(file, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Created<>(DownstreamException.requireId(result, id, service), file, answer.apiVersion());
    }

    /** {@code shieldfab.handoff.max-bundle-file-size}, or the largest bundled file the output limits allow. */
    private long maxBundleFileBytes() {
        return config.handoff().maxBundleFileSize().map(MemorySize::asLongValue)
                .orElse(outputLimits.limits().maxBundledFileBytes());
    }

    /**
     * Fetches the files this attempt does not have yet, writes the zip to {@code zip} with {@code verified} (the
     * full-wave run's files, none when the handoff asked for none), and takes the facts from what the steps read. {@code report} and {@code recipe} are null when an earlier attempt made them: their documents
     * are then fetched and read here.
     */
    Assembled assemble(Handoff h, LayoutStep.LaidOut laidOut, Created<EvaluationResult> report,
                       Created<RecipeResult> recipe, Map<String, BundleBuilder.Entry> verified,
                       WorkFolders.Folder folder, Path zip) throws IOException {
        Map<String, BundleBuilder.Entry> files = new LinkedHashMap<>();
        files.put("design.json", BundleBuilder.write(
                mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(mapper.readTree(h.designJson)),
                folder.resolve("design.json"), folder::claim));
        files.put("layout.json", laidOut.file());
        Map<String, String> known = new LinkedHashMap<>();
        known.put("layout-service", laidOut.apiVersion());
        if (report != null) {
            files.put(ShieldingStep.FILE, report.file());
            known.put("shielding-service", report.apiVersion());
        }
        if (recipe != null) {
            files.put(RecipeStep.FILE, recipe.file());
            known.put("recipe-service", recipe.apiVersion());
        }
        Map<String, String> versions = fetchAll(h, folder, files, known);
        files.putAll(verified);
        if (laidOut.layout().generatorVersion() != null) {
            versions.put("layout-generator", laidOut.layout().generatorVersion());
        }
        BundleBuilder.Written written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 64 * 1024)) {
            written = BundleBuilder.write(new BundleBuilder.Header(h.id, h.designName, h.designRevision, h.createdAt,
                    h.verdict, versions, window(h)), files, out, config.handoff().maxBundleSize().asLongValue(), folder::claim);
        }
        List<HandoffOutcome.BundledFile> listed = new ArrayList<>();
        for (String name : BundleBuilder.names(files)) {
            BundleBuilder.Entry file = files.get(name);
            listed.add(new HandoffOutcome.BundledFile(name, file.sizeBytes(), file.sha256()));
        }
        EvaluationResult evaluated = report != null ? report.result()
                : read(files.get(ShieldingStep.FILE), EvaluationResult.class);
        RecipeResult made = recipe != null ? recipe.result() : read(files.get(RecipeStep.FILE), RecipeResult.class);
        return new Assembled(written, new HandoffOutcome(evaluated, laidOut.layout(), made, listed, written.sizeBytes()));
    }

    /** The opening window stored with the handoff's verdict, or null. */
    private HandoffView.OpeningWindow window(Handoff h) throws IOException {
        return h.openingWindowJson == null ? null : mapper.readValue(h.openingWindowJson, HandoffView.OpeningWindow.class);
    }

    /**
     * The services' files and versions not yet in hand, fetched side by side: the step takes as long as its slowest
     * file (the PDF traveler) rather than the sum of the round trips, which made it more than half of a handoff's
     * time when fetched one after another (docs/benchmarks.md). Adds the files to {@code files}; answers the
     * versions, {@code known} (a service's version as its creating answer named it, or null) completed by asking
     * each service whose version is not known.
     */
    private Map<String, String> fetchAll(Handoff h, WorkFolders.Folder folder, Map<String, BundleBuilder.Entry> files,
                                         Map<String, String> known) {
        Map<String, Supplier<InputStream>> sources = new LinkedHashMap<>();
        sources.put("layout.gds", () -> layout.file(h.layoutId, "gds"));
        sources.put("layout.dxf", () -> layout.file(h.layoutId, "dxf"));
        sources.put("layout.svg", () -> layout.file(h.layoutId, "svg"));
        sources.put(ShieldingStep.FILE, () -> shielding.json(h.reportId));
        sources.put(RecipeStep.FILE, () -> recipe.json(h.recipeId));
        sources.put("traveler.html", () -> recipe.traveler(h.recipeId, "text/html"));
        sources.put("traveler.pdf", () -> recipe.traveler(h.recipeId, "application/pdf"));
        Map<String, CompletableFuture<BundleBuilder.Entry>> fetched = new LinkedHashMap<>();
        sources.forEach((name, open) -> {
            if (!files.containsKey(name)) {
                fetched.put(name, fetchFile(name, open, folder));
            }
        });
        Map<String, Supplier<String>> askers = Map.of("layout-service", layout::apiVersion,
                "shielding-service", shielding::apiVersion, "recipe-service", recipe::apiVersion);
        Map<String, CompletableFuture<String>> versions = new LinkedHashMap<>();
        for (String service : List.of("layout-service", "shielding-service", "recipe-service")) {
            String version = known.get(service);
            versions.put(service, version != null ? CompletableFuture.completedFuture(version) : fetch(askers.get(service)));
        }
        // Every fetch ends, failed or not, before the first failure is reported: none may still be writing to the
        // folder when it is deleted.
        List<CompletableFuture<?>> all = new ArrayList<>(fetched.values());
        all.addAll(versions.values());
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((done, failure) -> null).join();
        fetched.forEach((name, file) -> files.put(name, await(file)));
        Map<String, String> read = new LinkedHashMap<>();
        read.put("gateway", gatewayVersion);
        versions.forEach((service, version) -> read.put(service, await(version)));
        return read;
    }

    /** A file fetched on the step pool; an I/O failure keeps its cause, a transient one (UncheckedIOException). */
    private CompletableFuture<BundleBuilder.Entry> fetchFile(String name, Supplier<InputStream> open,
                                                             WorkFolders.Folder folder) {
        return fetch(() -> {
            try {
                return download(name, open.get(), folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private <T> CompletableFuture<T> fetch(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }

    /** The fetched value, or the fetch's own exception, so that transient and permanent failures keep their kind. */
    private static <T> T await(CompletableFuture<T> fetch) {
        try {
            return fetch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
