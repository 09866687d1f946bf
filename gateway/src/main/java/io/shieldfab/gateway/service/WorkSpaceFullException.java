package io.shieldfab.gateway.service;

/**
 * The replica's work space for bundles is held by other handoffs (docs/operations.md, "Output limits and handoff
 * bundles"). Transient: the attempt ends, its folder is deleted, and the handoff waits with backoff like one whose
 * service is down.
 */
public class WorkSpaceFullException extends RuntimeException {

    public WorkSpaceFullException(String message) {
        super(message);
    }
}
