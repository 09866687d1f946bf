package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.gateway.IdempotencyRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    public long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
