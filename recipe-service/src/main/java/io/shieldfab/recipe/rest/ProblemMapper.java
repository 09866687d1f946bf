package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.design.Violation;
import io.shieldfab.recipe.process.ProcessRuleException;
import io.shieldfab.recipe.service.ConflictException;
import io.shieldfab.recipe.service.InvalidInputException;
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
            case 404 -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? safe(e.getMessage())
                    : "No resource at this path.";
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
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return problem(Problem.validation("A field of the request body has the wrong type.",
                    List.of(new Violation(path(m), "has the wrong type or an unknown value"))), uri);
        }
        return problem(Problem.validation("The request body is not valid JSON" + where + ".",
                List.of(new Violation("$", safe(e.getOriginalMessage())))), uri);
    }

    /**
     * A value of the wrong type ({@code "metal": []}): Quarkus' built-in mapper for this exact subtype would answer
     * plain {@code application/json} (found by PlatingCalculationFuzzTest); registered ahead of it, the answer is
     * the same problem as {@link #mapJson}.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mapMismatch(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return mapJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapInvalid(InvalidInputException e, UriInfo uri) {
        return problem(Problem.validation("The request has " + e.violations().size() + " invalid field(s).",
                e.violations()), uri);
    }

    /** A broken process rule of the claims: 422 naming the rule and the claim. */
    @ServerExceptionMapper
    public Response mapRule(ProcessRuleException e, UriInfo uri) {
        return problem(Problem.rule(422, e.rule().label(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response mapConflict(ConflictException e, UriInfo uri) {
        return problem(Problem.of(409, "Conflict", e.getMessage()), uri);
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
     * Bean Validation paths look like {@code plating.request.thicknessUm} (method, parameter, field); the
     * client wants {@code thicknessUm}. A path of two parts names a parameter itself (a header, a query).
     */
    static String jsonPath(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        int start = parts.length > 2 ? 2 : Math.min(1, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }

    /** {@code metrics.cutList.cuts[2].lengthMm} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "$" : b.toString();
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
