package io.shieldfab.gateway.service;

import io.shieldfab.design.OutputEstimate;

/**
 * A handoff's bundle would exceed a configured limit: a file a service sent is larger than
 * {@code shieldfab.handoff.max-bundle-file-size}, or the zip larger than {@code shieldfab.handoff.max-bundle-size}
 * (docs/operations.md). Permanent: the same design gives the same files, so the handoff fails at once and is never
 * retried.
 */
public class BundleLimitException extends RuntimeException {

    /** Rule of a file over the per-file limit. */
    public static final String FILE_RULE = "BUNDLE_FILE_LIMIT";
    /** Rule of a zip over the per-bundle limit. */
    public static final String BUNDLE_RULE = "BUNDLE_SIZE_LIMIT";

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

    /** {@link #FILE_RULE} or {@link #BUNDLE_RULE}. */
    public String rule() {
        return rule;
    }
}
