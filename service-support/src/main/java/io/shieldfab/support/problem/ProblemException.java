package io.shieldfab.support.problem;

/**
 * A failure that already knows the RFC 9457 problem it is answered with. A service's own exceptions (a layout not
 * found, a broken process rule, an invalid design) extend it instead of bringing their own exception mapper, so the
 * one {@link ProblemMapper} answers all four services alike (docs/api-guide.md, "Errors").
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** @param retryAfterSeconds the {@code Retry-After} to send with the problem, or null for none */
    public ProblemException(Problem problem, Long retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for {@code Retry-After}, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
