package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.gateway.Handoff;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HandoffRepository implements PanacheRepositoryBase<Handoff, String> {
}
