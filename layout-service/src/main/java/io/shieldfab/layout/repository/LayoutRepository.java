package io.shieldfab.layout.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.layout.Layout;
import io.shieldfab.support.rest.ResourceIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class LayoutRepository implements PanacheRepositoryBase<Layout, String> {

    /** The layout with this id, or empty when there is none or the id is not a resource id (ResourceIds). */
    public Optional<Layout> findByResourceId(String id) {
        return ResourceIds.isValid(id) ? findByIdOptional(id) : Optional.empty();
    }
}
