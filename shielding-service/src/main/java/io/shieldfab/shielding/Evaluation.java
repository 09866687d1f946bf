package io.shieldfab.shielding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A shielding evaluation of one design (and optionally its layout): the aggregate root. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    public String id;

    @Column(name = "design_name", nullable = false)
    public String designName;

    @Column(nullable = false)
    public String verdict;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** SHA-256 (hex) of the canonical request body: equal inputs give equal reports. */
    @Column(name = "input_hash", nullable = false, length = 64)
    public String inputHash;

    @Column(name = "report_json", nullable = false, columnDefinition = "TEXT")
    public String reportJson;
}
