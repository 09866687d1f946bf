package io.shieldfab.recipe.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.recipe.Recipe;
import io.shieldfab.support.rest.ResourceIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RecipeRepository implements PanacheRepositoryBase<Recipe, String> {

    /**
     * The newest version of a design name: the last entry of the unique index on (design_name, version) that V1's
     * constraint uq_recipe_design_version makes, read backwards, so one index entry whatever the number of versions,
     * on H2 and PostgreSQL alike. {@code max(version)} is answered the same way by PostgreSQL, but H2 reads every
     * version of the design for it, a little more on each compile of a long-lived design (RecipeRepositoryPlanTest).
     */
    static final String LATEST_VERSION_SQL = "SELECT version FROM recipe WHERE design_name = ?1"
            + " ORDER BY design_name DESC, version DESC FETCH FIRST 1 ROWS ONLY";

    /** Highest version stored for a design name, 0 when there is none. */
    public int latestVersion(String designName) {
        List<?> latest = getEntityManager().createNativeQuery(LATEST_VERSION_SQL)
                .setParameter(1, designName)
                .getResultList();
        return latest.isEmpty() ? 0 : ((Number) latest.get(0)).intValue();
    }

    /** The recipe with this id, or empty when there is none or the id is not a resource id (ResourceIds). */
    public Optional<Recipe> findByResourceId(String id) {
        return ResourceIds.isValid(id) ? findByIdOptional(id) : Optional.empty();
    }
}
