package io.shieldfab.gateway.service;

import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.client.LayoutResult;
import io.shieldfab.gateway.client.RecipeResult;

import java.util.List;

/**
 * What a SUCCEEDED handoff made, as the portal shows it: read from the bundle's own files when the bundle is
 * assembled, and stored with it ({@code handoff_facts}), so the page shows what the fab downloads.
 *
 * @param shielding       the report's verdict, SE per checked frequency, findings and weakest frequency
 * @param layout          the layout summary
 * @param recipe          the recipe summary
 * @param files           the bundle's files, in bundle order, as the manifest lists them
 * @param bundleSizeBytes the zip's length
 */
public record HandoffOutcome(EvaluationResult shielding, LayoutResult layout, RecipeResult recipe,
                             List<BundledFile> files, long bundleSizeBytes) {

    public HandoffOutcome {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One file of the bundle. */
    public record BundledFile(String name, long sizeBytes, String sha256) {
    }
}
