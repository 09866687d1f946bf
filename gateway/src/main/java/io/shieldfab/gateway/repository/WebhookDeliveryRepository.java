package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.gateway.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    public List<WebhookDelivery> forHandoff(String handoffId) {
        return list("handoffId = ?1 order by attempt", handoffId);
    }
}
