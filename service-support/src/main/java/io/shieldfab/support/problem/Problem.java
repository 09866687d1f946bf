package io.shieldfab.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shieldfab.design.Violation;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
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

    /** Seconds a client should wait before retrying when the database is unreachable. */
    public static final int DATABASE_RETRY_AFTER_S = 5;

    /** 503 for a database that cannot be reached just now: the request changed nothing and may be retried. */
    public static Problem databaseUnavailable() {
        return of(503, "Service Unavailable", "The service cannot reach its database just now; nothing was changed."
                + " Retry after " + DATABASE_RETRY_AFTER_S + " s (Retry-After).");
    }

    /**
     * Whether a failure is the database being unreachable — connection refused, cut or not accepted — which a
     * retry can cure, rather than a fault in the service. Looks through the cause chain (Hibernate and the
     * pool wrap the driver's exception) for: a {@link SQLTransientConnectionException} or
     * {@link SQLNonTransientConnectionException}; SQLSTATE class 08 "connection exception" (ISO/IEC
     * 9075-2 §24.1); PostgreSQL's 57P01–57P03 (admin/crash shutdown, cannot connect now) and 55000 (raised when a
     * database does not allow connections; PostgreSQL manual, Appendix A, "PostgreSQL Error Codes").
     */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("55000")) {
                    return true;
                }
            }
        }
        return false;
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
