package io.shieldfab.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.shieldfab.design.Violation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where exceptions become RFC 9457 problems, for all four services (docs/api-guide.md, "Errors").
 * Never puts a class name or a stack trace in a response; unexpected failures are logged here with an id the client
 * can quote. A service's own failures reach it as {@link ProblemException}s.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return mapJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            // a resource's own "No recipe with id …" says more than the router's "HTTP 404 Not Found"
            case 404 -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? safe(e.getMessage())
                    : "No resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "None of the accepted media types can be produced here.";
            case 415 -> "The request's Content-Type is not supported here.";
            default -> e.getMessage() == null ? title : safe(e.getMessage());
        };
        return response(Problem.of(status, title, detail), uri);
    }

    /**
     * A body that is not JSON is a violation of {@code $} with the parser's position; a value of the wrong type
     * ({@code "thick"} for a number, {@code []} for a string) names its field by JSON path, like a validation error.
     */
    @ServerExceptionMapper
    public Response mapJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? "must be " + describe(mismatch.getTargetType()) : "has the wrong type or an unknown value";
            return response(Problem.validation("The request has 1 invalid field(s).",
                    List.of(new Violation(JsonPaths.of(mapping), expected))), uri);
        }
        String where = e.getLocation() == null ? "" :
                " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return response(Problem.validation("The request body is not valid JSON" + where + ".",
                List.of(new Violation("$", safe(e.getOriginalMessage())))), uri);
    }

    /**
     * Quarkus' built-in mapper for this exact subtype would answer plain {@code application/json}; registered ahead
     * of it, the answer is the same problem as {@link #mapJson}.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mapMismatch(MismatchedInputException e, UriInfo uri) {
        return mapJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapConstraint(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(JsonPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return response(Problem.validation("The request has " + violations.size() + " invalid field(s).", violations), uri);
    }

    @ServerExceptionMapper
    public Response mapProblem(ProblemException e, UriInfo uri) {
        Response response = response(e.problem(), uri);
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        if (e instanceof IOException && "Request too large".equals(e.getMessage())) {
            // The REST reader hit quarkus.http.limits.max-body-size on a chunked body: a client error (it has
            // usually answered 413 itself already), not an incident.
            return response(Problem.of(413, "Payload Too Large", "The request body is larger than the service accepts."), uri);
        }
        if (Problem.isDatabaseUnavailable(e)) {
            // An outage, not a bug: no stack trace in the log, a 503 the caller can retry.
            LOG.warnf("Database unavailable, answering 503: %s", e.getMessage());
            return Response.fromResponse(response(Problem.databaseUnavailable(), uri))
                    .header("Retry-After", Problem.DATABASE_RETRY_AFTER_S).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return response(Problem.of(500, "Internal Server Error",
                "The service failed unexpectedly; quote incident " + incident + " when reporting it."), uri);
    }

    /**
     * The problem as a response. {@code instance} is the raw (still percent-encoded) path: a URI reference as
     * RFC 9457 asks, and a traversal attempt such as {@code ..%2F..%2Fetc%2Fpasswd} is not echoed decoded.
     */
    public static Response response(Problem p, UriInfo uri) {
        return Response.status(p.status())
                .type(Problem.MEDIA_TYPE)
                .entity(uri == null ? p : p.withInstance(uri.getRequestUri().getRawPath()))
                .build();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class || type == long.class) {
            return "a number";
        }
        if (type.isEnum()) {
            // a string that is not one of the constants is as wrong as a number: name what is accepted
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object or value of the documented shape";
    }

    /** Jackson messages may name Java classes; keep the first line and strip qualified names. */
    private static String safe(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse("");
        return first.replaceAll("\\(class [\\w.$]+\\)", "").replaceAll("`[\\w.$]+\\.([\\w$]+)`", "`$1`");
    }
}
