package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.gateway.HandoffBundle;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HandoffBundleRepository implements PanacheRepositoryBase<HandoffBundle, String> {
}
