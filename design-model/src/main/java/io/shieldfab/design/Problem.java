package io.shieldfab.design;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), shared by every service so that
 * EDA tools see one error shape across the suite.
 *
 * @param type       URI naming the problem type (relative, resolved against the API base)
 * @param title      short summary of the problem type
 * @param status     HTTP status code
 * @param detail     what happened in this occurrence
 * @param instance   the request path, when known
 * @param violations for validation problems: every violated field with its JSON path
 * @param rule       for process-rule problems: the rule id (and claim) that was broken
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, String rule) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null, null, null);
    }

    public static Problem validation(String detail, List<Violation> violations) {
        return new Problem("/problems/validation", "Invalid input", 400, detail, null, List.copyOf(violations), null);
    }

    public static Problem rule(int status, String rule, String detail) {
        return new Problem("/problems/process-rule", "Process rule violated", status, detail, null, null, rule);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations, rule);
    }

    /** A stable, readable type URI per status; {@code about:blank} is allowed by RFC 9457 but tells a client less. */
    static String typeFor(int status) {
        return switch (status) {
            case 400 -> "/problems/bad-request";
            case 401 -> "/problems/unauthorized";
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            case 405 -> "/problems/method-not-allowed";
            case 406 -> "/problems/not-acceptable";
            case 409 -> "/problems/conflict";
            case 413 -> "/problems/payload-too-large";
            case 415 -> "/problems/unsupported-media-type";
            case 422 -> "/problems/unprocessable";
            case 429 -> "/problems/rate-limited";
            case 503 -> "/problems/service-unavailable";
            default -> status >= 500 ? "/problems/internal" : "/problems/http-" + status;
        };
    }
}
