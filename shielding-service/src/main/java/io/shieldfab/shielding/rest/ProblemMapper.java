package io.shieldfab.shielding.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Priorities;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.design.Violation;
import io.shieldfab.shielding.service.InvalidInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
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
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mapMismatch(mismatch, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return mapJson(json, uri);
        }
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

    /**
     * A value of the wrong type ({@code "thick"} for a number, an unknown field type) names the field by its
     * JSON path, like a validation error. Registered ahead of Quarkus' built-in mapper for this exception.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mapMismatch(MismatchedInputException e, UriInfo uri) {
        String field = fieldOf(e);
        String expected = e.getTargetType() == null ? "a different value" : describe(e.getTargetType());
        return problem(Problem.validation("The request has 1 invalid field(s).",
                List.of(new Violation(field, "must be " + expected))), uri);
    }

    static String fieldOf(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "$" : out.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object or value of the documented shape";
    }

    @ServerExceptionMapper
    public Response mapConstraint(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(jsonPath(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Violation::field))
                .toList();
        return problem(Problem.validation("The request has " + violations.size() + " invalid field(s).", violations), uri);
    }

    @ServerExceptionMapper
    public Response mapInvalidInput(InvalidInputException e, UriInfo uri) {
        List<Violation> violations = e.violations();
        return problem(Problem.validation("The request has " + violations.size() + " invalid field(s).", violations), uri);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
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
                .entity(uri == null ? p : p.withInstance(uri.getRequestUri().getPath()))
                .build();
    }

    /**
     * Bean Validation paths look like {@code create.request.panel.rows} (method, parameter, properties); the
     * client wants the JSON path {@code panel.rows}. Method and parameter nodes are dropped; a violation on the
     * whole body becomes {@code $}.
     */
    static String jsonPath(jakarta.validation.Path path) {
        StringBuilder out = new StringBuilder();
        for (jakarta.validation.Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "$" : out.toString();
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
