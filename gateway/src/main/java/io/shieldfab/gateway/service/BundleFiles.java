package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.client.LayoutClient;
import io.shieldfab.gateway.client.RecipeClient;
import io.shieldfab.gateway.client.ShieldingClient;
import io.shieldfab.gateway.config.GatewayConfig;

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
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The files of one handoff as {@link HandoffWorker} gathers them: each service answer streamed to the handoff's
 * work folder under the per-file limit, the layout document parsed once for the shielding and recipe requests,
 * and the zip written from the folder ({@link BundleBuilder}). No bundle file is held in memory
 * (docs/operations.md, "Output limits and handoff bundles").
 */
final class BundleFiles {

    /** Largest layout document parsed into memory (see {@link #parseLayout}). */
    static final long MAX_PARSED_BYTES = 16L << 20;

    private final LayoutClient layout;
    private final ShieldingClient shielding;
    private final RecipeClient recipe;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final String gatewayVersion;
    private final ExecutorService parallelSteps;

    BundleFiles(LayoutClient layout, ShieldingClient shielding, RecipeClient recipe, GatewayConfig config,
                ObjectMapper mapper, String gatewayVersion, ExecutorService parallelSteps) {
        this.layout = layout;
        this.shielding = shielding;
        this.recipe = recipe;
        this.config = config;
        this.mapper = mapper;
        this.gatewayVersion = gatewayVersion;
        this.parallelSteps = parallelSteps;
    }

    /**
     * The layout document, parsed for the shielding and recipe requests. It holds metrics and a cut list of
     * rows + columns + 2 cuts, about 0.2 MB for the largest panel, so anything over {@link #MAX_PARSED_BYTES} is a
     * fault of the service, not a design, and fails the handoff instead of filling the heap.
     */
    JsonNode parseLayout(BundleBuilder.Entry layoutFile) throws IOException {
        if (layoutFile.sizeBytes() > MAX_PARSED_BYTES) {
            throw new DownstreamException.Permanent(502, "{\"detail\":\"layout-service sent a layout document of "
                    + layoutFile.sizeBytes() + " bytes; the gateway reads at most " + MAX_PARSED_BYTES + "\"}");
        }
        try (InputStream in = Files.newInputStream(layoutFile.path())) {
            return mapper.readTree(in);
        }
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

    /** {@code shieldfab.handoff.max-bundle-file-size}, or the largest bundled file the output limits allow. */
    private long maxBundleFileBytes() {
        return config.handoff().maxBundleFileSize().map(MemorySize::asLongValue)
                .orElse(config.design().limits().maxBundledFileBytes());
    }

    BundleBuilder.Written writeBundle(Handoff h, BundleBuilder.Entry layoutFile, JsonNode layoutJson,
                                      WorkFolders.Folder folder, Path zip) throws IOException {
        // Eleven independent reads, fetched side by side: the step takes as long as its slowest file
        // (the PDF traveler) rather than the sum of eleven round trips, which made it more than half
        // of a handoff's time when fetched one after another (docs/benchmarks.md). Each file streams to
        // the work folder under the per-file limit.
        Map<String, CompletableFuture<BundleBuilder.Entry>> fetched = new LinkedHashMap<>();
        fetched.put("layout.gds", fetchFile("layout.gds", () -> layout.file(h.layoutId, "gds"), folder));
        fetched.put("layout.dxf", fetchFile("layout.dxf", () -> layout.file(h.layoutId, "dxf"), folder));
        fetched.put("layout.svg", fetchFile("layout.svg", () -> layout.file(h.layoutId, "svg"), folder));
        fetched.put("shielding-report.json", fetchFile("shielding-report.json", () -> shielding.json(h.reportId), folder));
        fetched.put("recipe.json", fetchFile("recipe.json", () -> recipe.json(h.recipeId), folder));
        fetched.put("traveler.html", fetchFile("traveler.html", () -> recipe.traveler(h.recipeId, "text/html"), folder));
        fetched.put("traveler.pdf", fetchFile("traveler.pdf", () -> recipe.traveler(h.recipeId, "application/pdf"), folder));
        CompletableFuture<String> layoutVersion = fetch(layout::apiVersion);
        CompletableFuture<String> shieldingVersion = fetch(shielding::apiVersion);
        CompletableFuture<String> recipeVersion = fetch(recipe::apiVersion);
        // Every fetch ends, failed or not, before the first failure is reported: none may still be writing to the
        // folder when it is deleted.
        List<CompletableFuture<?>> all = new ArrayList<>(fetched.values());
        all.addAll(List.of(layoutVersion, shieldingVersion, recipeVersion));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((done, failure) -> null).join();

        Map<String, BundleBuilder.Entry> files = new LinkedHashMap<>();
        files.put("design.json", BundleBuilder.write(
                mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(mapper.readTree(h.designJson)),
                folder.resolve("design.json"), folder::claim));
        files.put("layout.json", layoutFile);
        for (Map.Entry<String, CompletableFuture<BundleBuilder.Entry>> file : fetched.entrySet()) {
            files.put(file.getKey(), await(file.getValue()));
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("gateway", gatewayVersion);
        versions.put("layout-service", await(layoutVersion));
        versions.put("shielding-service", await(shieldingVersion));
        versions.put("recipe-service", await(recipeVersion));
        String generator = layoutJson.path("generatorVersion").asText(null);
        if (generator != null) {
            versions.put("layout-generator", generator);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 64 * 1024)) {
            return BundleBuilder.write(new BundleBuilder.Header(h.id, h.designName, h.designRevision, h.createdAt,
                    h.verdict, versions), files, out, config.handoff().maxBundleSize().asLongValue(), folder::claim);
        }
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
        return CompletableFuture.supplyAsync(read, parallelSteps);
    }

    /** The fetched value, or the fetch's own exception, so that transient and permanent failures keep their kind. */
    private static <T> T await(CompletableFuture<T> fetch) {
        try {
            return fetch.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
