package io.shieldfab.recipe.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.recipe.Recipe;
import io.shieldfab.support.rest.ResourceIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class RecipeRepository implements PanacheRepositoryBase<Recipe, String> {

    /** Highest version stored for a design name, 0 when there is none. */
    public int latestVersion(String designName) {
        Integer max = getEntityManager()
                .createQuery("select max(r.version) from Recipe r where r.designName = :name", Integer.class)
                .setParameter("name", designName)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /** The recipe with this id, or empty when there is none or the id is not a resource id (ResourceIds). */
    public Optional<Recipe> findByResourceId(String id) {
        return ResourceIds.isValid(id) ? findByIdOptional(id) : Optional.empty();
    }
}
