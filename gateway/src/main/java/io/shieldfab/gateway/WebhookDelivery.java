package io.shieldfab.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One attempt to deliver a handoff's webhook. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "handoff_id", nullable = false)
    public String handoffId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;
}
