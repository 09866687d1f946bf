import io.shieldfab.client.ApiClient;
import io.shieldfab.client.api.DesignsApi;
import io.shieldfab.client.api.HandoffsApi;
import io.shieldfab.client.api.RecipesApi;
import io.shieldfab.client.model.Design;
import io.shieldfab.client.model.HandoffView;
import io.shieldfab.client.model.RecipeResponse;
import io.shieldfab.client.model.ValidationResult;

import java.io.File;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The generated Java client (openapi-generator, library native) against a running suite, as an integrator would use
 * it: validate an example design, hand it off, poll the handoff, download the bundle and check its manifest, read
 * the recipe — with the generated types throughout (tests/contract/smoke.sh runs it; docs/api-guide.md §14).
 * Usage: java -cp CLIENT_CLASSPATH ClientSmoke.java GATEWAY_URL API_KEY DESIGN.json
 */
public final class ClientSmoke {

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        client.setRequestInterceptor(request -> request.header("X-API-Key", args[1]));
        client.setReadTimeout(Duration.ofSeconds(60));
        Design design = client.getObjectMapper().readValue(new File(args[2]), Design.class);

        ValidationResult validation = new DesignsApi(client).validateDesign(design);
        check(Boolean.TRUE.equals(validation.getValid()), "validateDesign: valid, got " + validation);
        check(design.getName().equals(validation.getDesign().getName()), "validateDesign: the design comes back typed");
        check(validation.getDesign().getPackage().getRelativePermittivity() != null,
                "validateDesign: the design comes back with its defaults");

        HandoffsApi handoffs = new HandoffsApi(client);
        String idempotencyKey = UUID.randomUUID().toString();
        HandoffView submitted = handoffs.createHandoff(design, null, idempotencyKey);
        HandoffView replayed = handoffs.createHandoff(design, null, idempotencyKey);
        check(submitted.getId().equals(replayed.getId()), "createHandoff: a repeat with the same key is the same handoff");

        HandoffView done = poll(handoffs, submitted.getId());
        check(done.getStatus() == HandoffView.StatusEnum.SUCCEEDED, "getHandoff: SUCCEEDED, got " + done.getStatus()
                + " " + done.getErrors());
        check(done.getVerdict() != null && done.getOpeningWindow() != null, "getHandoff: verdict and opening window");

        Map<String, Object> manifest = checkBundle(client, handoffs.downloadHandoffBundle(done.getId()));
        check(done.getVerdict().getValue().equals(manifest.get("verdict")), "bundle: the manifest's verdict is the handoff's");

        RecipeResponse recipe = new RecipesApi(client).getRecipe(done.getRecipeId());
        check(design.getName().equals(recipe.getHeader().getDesignName()), "getRecipe: the design's recipe");
        check(!recipe.getSteps().isEmpty() && recipe.getStatus() != null, "getRecipe: steps and a lifecycle status");

        System.out.printf("java client: %s %s, verdict %s, window [%s, %s] mm, bundle %d files checked, recipe %s v%d "
                        + "%s with %d steps%n", done.getId(), done.getStatus(), done.getVerdict(),
                done.getOpeningWindow().getMinMm(), done.getOpeningWindow().getMaxMm(),
                ((java.util.List<?>) manifest.get("files")).size(), recipe.getId(), recipe.getVersion(),
                recipe.getStatus(), recipe.getSteps().size());
    }

    private static HandoffView poll(HandoffsApi handoffs, String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        HandoffView view = handoffs.getHandoff(id);
        while (view.getStatus() == HandoffView.StatusEnum.QUEUED || view.getStatus() == HandoffView.StatusEnum.RUNNING) {
            check(Instant.now().isBefore(deadline), "getHandoff: still " + view.getStatus() + " after 3 minutes");
            Thread.sleep(250);
            view = handoffs.getHandoff(id);
        }
        return view;
    }

    /** Every file of the zip is in the manifest with its SHA-256 and size; returns the manifest. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> checkBundle(ApiClient client, File bundle) throws Exception {
        try (ZipFile zip = new ZipFile(bundle)) {
            Map<String, Object> manifest = client.getObjectMapper().readValue(
                    zip.getInputStream(zip.getEntry("manifest.json")), Map.class);
            Map<String, Map<String, Object>> listed = new TreeMap<>();
            for (Object file : (Iterable<Object>) manifest.get("files")) {
                Map<String, Object> entry = (Map<String, Object>) file;
                listed.put((String) entry.get("name"), entry);
            }
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().equals("manifest.json")) {
                    continue;
                }
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                Map<String, Object> line = listed.remove(entry.getName());
                check(line != null, "bundle: " + entry.getName() + " is in the manifest");
                check(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                        .equals(line.get("sha256")), "bundle: SHA-256 of " + entry.getName());
                check(((Number) line.get("sizeBytes")).longValue() == bytes.length, "bundle: size of " + entry.getName());
            }
            check(listed.isEmpty(), "bundle: every manifest line has its file, missing " + listed.keySet());
            return manifest;
        } finally {
            Files.deleteIfExists(bundle.toPath());
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
