package io.shieldfab.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.function.Function;

/**
 * A downstream service answered with an error status. {@link #transientFailure()} tells whether
 * waiting and retrying may help (5xx, 408, 409, 429) or the request itself is wrong (other 4xx).
 */
public class DownstreamException extends RuntimeException {

    private static final ObjectMapper PROBLEMS = new ObjectMapper();

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

    /** The problem document read, or empty when the service sent none or one that is not JSON. */
    public Optional<ProblemDocument> problem(ObjectMapper mapper) {
        if (problemJson.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(problemJson, ProblemDocument.class));
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * A service answered 2xx with something the gateway cannot use (no id, say): a fault of the service that
     * asking again does not mend, told as a 502 problem of the gateway's own.
     */
    public static Permanent badAnswer(String detail) {
        try {
            return new Permanent(502, PROBLEMS.writeValueAsString(new ProblemDocument(null, detail, null, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always serialisable", e);
        }
    }

    /**
     * {@code answer} when it names the artefact the service made; else {@link #badAnswer}: a creating call's answer
     * without an id cannot be followed up.
     */
    public static <T> T requireId(T answer, Function<T, String> id, String service) {
        if (answer == null || id.apply(answer) == null) {
            throw badAnswer(service + " answered without an id");
        }
        return answer;
    }

    public boolean transientFailure() {
        return retryable(status);
    }

    /**
     * 409 is among them: the only 409 a call of the handoff can get is recipe-service's "a concurrent
     * request took the same version number; retry" (its POST /api/v1/recipes contract), which several
     * workers compiling recipes of one design at once do meet (bench/load.sh found it).
     */
    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 409 || status == 429;
    }

    /** A 4xx that retrying will not fix; excluded from retries and from the circuit breaker's failure count. */
    public static class Permanent extends DownstreamException {
        public Permanent(int status, String problemJson) {
            super(status, problemJson);
        }
    }
}
