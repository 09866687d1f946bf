package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.gateway.HandoffFacts;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HandoffFactsRepository implements PanacheRepositoryBase<HandoffFacts, String> {
}
