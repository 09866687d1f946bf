package io.shieldfab.gateway.proxy;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.rest.ResourceIds;
import io.shieldfab.gateway.repository.ArtefactOwnerRepository.Kind;
import io.shieldfab.gateway.security.Caller;
import io.shieldfab.gateway.security.RequestPath;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The three services' APIs as the gateway forwards them: where each keeps its artefact ids in the path, which
 * segments there are not ids, and what a request may do with the artefact it names (docs/architecture.md,
 * "Ownership").
 */
enum ForwardedApi {

    LAYOUTS("layout-service", List.of("api", "v1", "layouts"), Kind.LAYOUT, Set.of()),
    SHIELDING("shielding-service", List.of("api", "v1", "shielding", "evaluations"), Kind.EVALUATION, Set.of()),
    RECIPES("recipe-service", List.of("api", "v1", "recipes"), Kind.RECIPE, Set.of("calculations"));

    private final String serviceName;
    private final List<String> collection;
    private final Kind kind;
    private final Set<String> notIds;

    ForwardedApi(String serviceName, List<String> collection, Kind kind, Set<String> notIds) {
        this.serviceName = serviceName;
        this.collection = collection;
        this.kind = kind;
        this.notIds = notIds;
    }

    String serviceName() {
        return serviceName;
    }

    /** The path the forwarding route is mounted at: the service's API root on the gateway. */
    String prefix() {
        return "/" + String.join("/", collection.subList(0, this == SHIELDING ? 3 : collection.size()));
    }

    /**
     * What a request does.
     *
     * @param kind        the kind of artefact it creates or names, or null (calculations, materials)
     * @param artefactId  the id it names, or null when it names none (creating, calculations)
     * @param action      the lifecycle step ({@code approve}, {@code release}) or null
     * @param method      the HTTP method
     */
    record Access(ForwardedApi api, Kind kind, String artefactId, String action, String method) {

        /** Reading a recipe and its traveler or MES export, approving and releasing it: open to approvers. */
        boolean readableByApprover() {
            return kind == Kind.RECIPE && artefactId != null
                    && (("GET".equals(method) || "HEAD".equals(method)) || isLifecycle());
        }

        boolean isLifecycle() {
            return "approve".equals(action) || "release".equals(action);
        }

        /** A problem when the caller's scopes do not allow the request at all, before any artefact is looked up. */
        Optional<Problem> refusal(Caller caller) {
            if (artefactId != null && !ResourceIds.isValid(artefactId)) {
                return Optional.of(notFound(this));
            }
            if (isLifecycle() && "POST".equals(method)) {
                return caller.may(Caller.Scope.APPROVE) ? Optional.empty() : Optional.of(Problem.of(403, "Forbidden",
                        "Approving and releasing recipes needs an approver key (docs/operations.md, \"Keys, scopes and names\")."));
            }
            if (readableByApprover() && caller.may(Caller.Scope.APPROVE)) {
                return Optional.empty();
            }
            return caller.may(Caller.Scope.SUBMIT) ? Optional.empty() : Optional.of(Problem.of(403, "Forbidden",
                    "This API key may approve and release recipes only (docs/operations.md, \"Keys, scopes and names\")."));
        }
    }

    /** Reads a request path of this API. */
    Access access(RequestPath path, String method) {
        List<String> segments = path.segments();
        int idAt = collection.size();
        boolean inCollection = segments.size() > idAt && segments.subList(0, idAt).equals(collection);
        if (!inCollection || notIds.contains(segments.get(idAt))) {
            boolean creates = segments.equals(collection);
            return new Access(this, creates ? kind : null, null, null, method);
        }
        String action = segments.size() > idAt + 1 ? segments.get(idAt + 1) : null;
        return new Access(this, kind, segments.get(idAt), action, method);
    }

    /** The id of a created artefact, read from the Location the service answered with. */
    Optional<String> createdId(String location) {
        String path;
        try {
            path = URI.create(location).getRawPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> segments = RequestPath.of(path).segments();
        int idAt = collection.size();
        if (segments.size() == idAt + 1 && segments.subList(0, idAt).equals(collection)
                && ResourceIds.isValid(segments.get(idAt))) {
            return Optional.of(segments.get(idAt));
        }
        return Optional.empty();
    }

    /** The answer for an artefact that does not exist or is not the caller's: the same, so neither is told apart. */
    static Problem notFound(Access access) {
        String noun = switch (access.kind()) {
            case LAYOUT -> "layout";
            case EVALUATION -> "evaluation";
            case RECIPE -> "recipe";
        };
        return Problem.of(404, "Not Found", "No " + noun + " with this id for this API key.");
    }
}
