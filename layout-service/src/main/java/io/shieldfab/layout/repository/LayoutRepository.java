package io.shieldfab.layout.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.layout.Layout;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LayoutRepository implements PanacheRepositoryBase<Layout, String> {
}
