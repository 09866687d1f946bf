package io.shieldfab.gateway.client;

/**
 * A downstream service answered with an error status. {@link #transientFailure()} tells whether
 * waiting and retrying may help (5xx, 408, 429) or the request itself is wrong (other 4xx).
 */
public class DownstreamException extends RuntimeException {

    private final int status;
    private final String problemJson;

    public DownstreamException(int status, String problemJson) {
        super("downstream answered HTTP " + status);
        this.status = status;
        this.problemJson = problemJson;
    }

    public int status() {
        return status;
    }

    /** The downstream problem document (RFC 9457 JSON), or an empty string. */
    public String problemJson() {
        return problemJson;
    }

    public boolean transientFailure() {
        return status >= 500 || status == 408 || status == 429;
    }

    /** A 4xx that retrying will not fix; excluded from retries and from the circuit breaker's failure count. */
    public static class Permanent extends DownstreamException {
        public Permanent(int status, String problemJson) {
            super(status, problemJson);
        }
    }
}
