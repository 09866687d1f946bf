package io.shieldfab.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The zip of a finished handoff, built once: every download returns these bytes. */
@Entity
@Table(name = "handoff_bundle")
public class HandoffBundle {

    @Id
    @Column(name = "handoff_id")
    public String handoffId;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public byte[] content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
