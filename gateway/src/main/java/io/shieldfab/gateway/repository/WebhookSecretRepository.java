package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.gateway.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class WebhookSecretRepository implements PanacheRepositoryBase<WebhookSecret, String> {

    /** The secrets of an API key that still sign at {@code now}, newest first; expired ones are deleted first. */
    public List<WebhookSecret> live(String owner, Instant now) {
        delete("ownerKeyHash = ?1 and expiresAt <= ?2", owner, now);
        return list("ownerKeyHash = ?1 order by createdAt desc, id desc", owner);
    }

    /** Secrets sealed with an encryption key other than {@code keyId}. */
    public List<WebhookSecret> sealedWithOtherThan(String keyId) {
        return list("keyId <> ?1", keyId);
    }
}
