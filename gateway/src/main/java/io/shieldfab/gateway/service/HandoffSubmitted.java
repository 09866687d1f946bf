package io.shieldfab.gateway.service;

/**
 * A handoff was stored as QUEUED on this replica. Fired inside the submission's transaction; the scheduler observes
 * it once that has committed, and wakes an idle worker instead of leaving the handoff to its next poll.
 */
public record HandoffSubmitted(String handoffId) {
}
