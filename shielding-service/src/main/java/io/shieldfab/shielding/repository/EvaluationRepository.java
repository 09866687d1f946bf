package io.shieldfab.shielding.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.shielding.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, String> {

    /** The evaluation with this id, or empty when there is none or the id is not a resource id (ResourceIds). */
    public java.util.Optional<Evaluation> findByResourceId(String id) {
        return io.shieldfab.support.rest.ResourceIds.isValid(id) ? findByIdOptional(id) : java.util.Optional.empty();
    }
}
