package io.shieldfab.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What a SUCCEEDED handoff shows, stored with its bundle (the JSON of the pipeline's outcome): the portal reads it
 * here, so showing a handoff needs neither the bundle nor the services.
 */
@Entity
@Table(name = "handoff_facts")
public class HandoffFacts {

    @Id
    @Column(name = "handoff_id")
    public String handoffId;

    @Column(name = "facts_json", nullable = false, columnDefinition = "TEXT")
    public String factsJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
