package io.shieldfab.shielding.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.shielding.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, String> {
}
