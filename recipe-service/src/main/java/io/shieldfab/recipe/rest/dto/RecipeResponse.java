package io.shieldfab.recipe.rest.dto;

import io.shieldfab.recipe.Recipe;
import io.shieldfab.recipe.process.FillReport;
import io.shieldfab.recipe.process.RecipeSummary;
import io.shieldfab.recipe.process.Step;
import io.shieldfab.recipe.process.UnitProcedure;

import java.time.Instant;
import java.util.List;

/**
 * A recipe on the wire (docs/api-guide.md: {@code id}, {@code version}, {@code status}, {@code contentHash},
 * {@code unitProcedures}, {@code summary}).
 *
 * @param id             recipe id
 * @param version        version within the design name
 * @param status         {@code DRAFT}, {@code APPROVED} or {@code RELEASED}
 * @param contentHash    SHA-256 (hex) of the canonical procedure
 * @param header         design name and revision, layout id, recipe version
 * @param steps          order of the fabrication steps
 * @param unitProcedures ISA-88 unit procedures → operations → phases → parameters
 * @param summary        headline figures
 * @param fill           whether the encapsulant can fill the depressions (docs/recipe.md §4, "The fill object"); a
 *                       recipe whose fill FAILs is stored and shown but cannot be released; null only for recipes
 *                       compiled before the fill model
 * @param warnings       advisories
 * @param lifecycle      who and when
 */
public record RecipeResponse(String id, int version, Recipe.Status status, String contentHash, Header header,
                             List<Step> steps, List<UnitProcedure> unitProcedures, RecipeSummary summary,
                             FillReport fill, List<String> warnings, Lifecycle lifecycle) {

    /**
     * @param designName     design name
     * @param designRevision design revision
     * @param layoutId       layout id
     * @param recipeVersion  recipe version
     * @param previousId     the recipe this version was changed from, if any
     */
    public record Header(String designName, String designRevision, String layoutId, int recipeVersion,
                         String previousId) {
    }

    /**
     * Who and when: each "by" is the caller's identity ({@code X-User}, set by the gateway, else {@code api}); a
     * comment is what the client wrote in the approve or release body.
     *
     * @param createdBy       who compiled
     * @param createdAt       when
     * @param approvedBy      who approved
     * @param approvedAt      when
     * @param approvalComment the approve body's comment, if any
     * @param releasedBy      who released
     * @param releasedAt      when
     * @param releaseComment  the release body's comment, if any
     */
    public record Lifecycle(String createdBy, Instant createdAt, String approvedBy, Instant approvedAt,
                            String approvalComment, String releasedBy, Instant releasedAt, String releaseComment) {
    }
}
