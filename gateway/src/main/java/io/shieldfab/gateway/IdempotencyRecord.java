package io.shieldfab.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * One {@code Idempotency-Key} seen from one API key: the hash of the request it came with and
 * the handoff it created. IN_PROGRESS while the first request is being handled.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    public enum State { IN_PROGRESS, COMPLETED }

    @EmbeddedId
    public Key key;

    @Column(name = "request_sha256", nullable = false)
    public String requestSha256;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "handoff_id")
    public String handoffId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Embeddable
    public record Key(@Column(name = "owner_key_hash") String ownerKeyHash,
                      @Column(name = "idem_key") String idemKey) implements Serializable {
    }
}
