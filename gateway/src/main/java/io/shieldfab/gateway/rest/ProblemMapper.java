package io.shieldfab.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.design.Violation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The one place where exceptions become RFC 9457 problems. Never puts a class name or a stack trace
 * in a response; unexpected failures are logged here with an id the client can quote.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "None of the accepted media types can be produced here.";
            case 415 -> "The request's Content-Type is not supported here.";
            default -> e.getMessage() == null ? title : safe(e.getMessage());
        };
        return problem(Problem.of(status, title, detail), uri);
    }

    @ServerExceptionMapper
    public Response mapJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" :
                " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return problem(Problem.validation("The request body is not valid JSON" + where + ".",
                List.of(new Violation("$", safe(e.getOriginalMessage())))), uri);
    }

    @ServerExceptionMapper
    public Response mapConstraint(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(jsonPath(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Violation::field))
                .toList();
        return problem(Problem.validation("The request has " + violations.size() + " invalid field(s).", violations), uri);
    }

    @ServerExceptionMapper
    public Response mapInvalidDesign(io.shieldfab.gateway.service.InvalidDesignException e, UriInfo uri) {
        return problem(Problem.validation(e.getMessage(), e.violations()), uri);
    }

    @ServerExceptionMapper
    public Response mapHandoffProblem(io.shieldfab.gateway.service.HandoffProblem e, UriInfo uri) {
        Response response = problem(e.problem(), uri);
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // RESTEasy Reactive's reader hit quarkus.http.limits.max-body-size on a chunked body: a client
            // error (it has usually answered 413 itself already), not an incident.
            return problem(Problem.of(413, "Payload Too Large", "The request body is larger than the gateway accepts."), uri);
        }
        if (Problem.isDatabaseUnavailable(e)) {
            // An outage, not a bug: no stack trace in the log, a 503 the caller can retry.
            LOG.warnf("Database unavailable, answering 503: %s", e.getMessage());
            Problem p = Problem.databaseUnavailable();
            return Response.fromResponse(problem(p, uri)).header("Retry-After", Problem.DATABASE_RETRY_AFTER_S).build();
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return problem(Problem.of(500, "Internal Server Error",
                "The service failed unexpectedly; quote incident " + incident + " when reporting it."), uri);
    }

    static Response problem(Problem p, UriInfo uri) {
        return Response.status(p.status())
                .type(Problem.MEDIA_TYPE)
                // the raw (still percent-encoded) path: a URI reference as RFC 9457 asks, and a traversal attempt
                // such as ..%2F..%2Fetc%2Fpasswd is not echoed decoded
                .entity(uri == null ? p : p.withInstance(uri.getRequestUri().getRawPath()))
                .build();
    }

    /** Bean Validation paths look like {@code create.arg0.panel.rows}; the client wants {@code panel.rows}. */
    static String jsonPath(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        int start = 0;
        while (start < parts.length - 1 && (start == 0 || parts[start].startsWith("arg"))) {
            start++;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }

    private static String safe(String message) {
        if (message == null) {
            return "";
        }
        // Jackson messages may name Java classes; keep the first line and strip qualified names.
        String first = message.lines().findFirst().orElse("");
        return first.replaceAll("\\(class [\\w.$]+\\)", "").replaceAll("`[\\w.$]+\\.([\\w$]+)`", "`$1`");
    }
}
