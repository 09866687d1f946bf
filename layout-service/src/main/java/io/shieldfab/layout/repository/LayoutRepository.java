package io.shieldfab.layout.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.layout.Layout;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LayoutRepository implements PanacheRepositoryBase<Layout, String> {

    /** The layout with this id, or empty when there is none or the id is not a resource id (ResourceIds). */
    public java.util.Optional<Layout> findByResourceId(String id) {
        return io.shieldfab.support.rest.ResourceIds.isValid(id) ? findByIdOptional(id) : java.util.Optional.empty();
    }
}
