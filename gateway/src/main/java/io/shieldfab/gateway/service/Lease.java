package io.shieldfab.gateway.service;

/**
 * This replica's claim on one handoff ({@code handoff.lease_owner}): every change the pipeline makes to the row is
 * made only while the row still names {@code replica} (docs/architecture.md, "Handoff pipeline").
 */
record Lease(String handoffId, String replica) {

    /** The lease was taken over by another replica (ours expired): stop touching this handoff. */
    static final class Lost extends RuntimeException {
        Lost(String id) {
            super("lease of " + id + " lost");
        }
    }
}
