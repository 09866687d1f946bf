package io.shieldfab.gateway.service;

import io.shieldfab.design.OutputEstimate;

/**
 * A handoff's bundle would exceed a configured limit: a file a service sent is larger than
 * {@code shieldfab.handoff.max-bundle-file-size}, the zip larger than {@code shieldfab.handoff.max-bundle-size}, or
 * its files alone more than the work space {@code shieldfab.handoff.max-work-size} (docs/operations.md). Permanent: the same design gives the same files, so the handoff fails at once and is never
 * retried.
 */
public class BundleLimitException extends RuntimeException {

    /** Rule of a file over the per-file limit. */
    public static final String FILE_RULE = "BUNDLE_FILE_LIMIT";
    /** Rule of a zip over the per-bundle limit. */
    public static final String BUNDLE_RULE = "BUNDLE_SIZE_LIMIT";
    /** Rule of a bundle whose files alone need more than the replica's work space. */
    public static final String WORK_RULE = "BUNDLE_WORK_LIMIT";

    private final String rule;

    private BundleLimitException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** {@code file} sent more than {@code limit} bytes. */
    static BundleLimitException file(String file, long limit) {
        return new BundleLimitException(FILE_RULE, file + " is larger than " + OutputEstimate.bytes(limit)
                + ", the largest file a bundle takes (shieldfab.handoff.max-bundle-file-size); the gateway stopped"
                + " reading it and does not retry");
    }

    /** The zip grew past {@code limit} bytes. */
    static BundleLimitException bundle(long limit) {
        return new BundleLimitException(BUNDLE_RULE, "the bundle is larger than " + OutputEstimate.bytes(limit)
                + ", the largest bundle the gateway stores (shieldfab.handoff.max-bundle-size); it was not stored and"
                + " is not retried");
    }

    /** The files of one bundle need more disk than the whole work space of a replica, {@code limit} bytes. */
    static BundleLimitException workSpace(long limit) {
        return new BundleLimitException(WORK_RULE, "the bundle's files need more than " + OutputEstimate.bytes(limit)
                + " of disk, the work space of a gateway replica (shieldfab.handoff.max-work-size); the gateway"
                + " stopped and does not retry");
    }

    /** {@link #FILE_RULE}, {@link #BUNDLE_RULE} or {@link #WORK_RULE}. */
    public String rule() {
        return rule;
    }
}
