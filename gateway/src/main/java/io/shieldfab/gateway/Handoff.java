package io.shieldfab.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A design-to-fab handoff: one design in, one bundle out. The aggregate root of the gateway. */
@Entity
@Table(name = "handoff")
public class Handoff {

    @Id
    public String id;

    @Column(name = "design_name", nullable = false)
    public String designName;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "design_json", nullable = false, columnDefinition = "TEXT")
    public String designJson;
}
