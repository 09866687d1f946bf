package io.shieldfab.shielding.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.shielding.Evaluation;
import io.shieldfab.support.rest.ResourceIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, String> {

    /** The evaluation with this id, or empty when there is none or the id is not a resource id (ResourceIds). */
    public Optional<Evaluation> findByResourceId(String id) {
        return ResourceIds.isValid(id) ? findByIdOptional(id) : Optional.empty();
    }

    /**
     * Only the report text of the evaluation with this id: no entity is loaded and kept for dirty checking, as a GET
     * answers the text as it is.
     */
    public Optional<String> findReportJson(String id) {
        return ResourceIds.isValid(id)
                ? getEntityManager().createQuery("select e.reportJson from Evaluation e where e.id = :id", String.class)
                        .setParameter("id", id).getResultStream().findFirst()
                : Optional.empty();
    }
}
