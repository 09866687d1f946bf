package io.shieldfab.gateway.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

/**
 * The caller of the current request, as {@link ApiKeyFilter} established it from the path exactly as it is
 * routed. Resources take the owner from here and never read the {@code X-API-Key} header themselves: a request
 * that reached a resource without passing the filter (a path spelling it did not classify) has no caller and is
 * refused with 401 by {@link #require()}.
 */
@RequestScoped
public class CurrentCaller {

    /** Where {@link ApiKeyFilter} leaves the caller on the Vert.x routing context. */
    static final String CONTEXT_KEY = "shieldfab.caller";

    @Inject
    RoutingContext routing;

    public Optional<Caller> get() {
        return routing == null ? Optional.empty() : of(routing);
    }

    /** The caller {@link ApiKeyFilter} authenticated for a request, read from its routing context (Vert.x routes). */
    public static Optional<Caller> of(RoutingContext routing) {
        return Optional.ofNullable(routing.get(CONTEXT_KEY));
    }

    /** The authenticated caller, or a 401 problem. */
    public Caller require() {
        return get().orElseThrow(Unauthenticated::new);
    }

    /** The caller, who must hold {@code scope}: else 403. */
    public Caller require(Caller.Scope scope) {
        Caller caller = require();
        if (!caller.may(scope)) {
            throw new Forbidden(scope);
        }
        return caller;
    }

    /** No authenticated caller reached a resource that needs one. */
    public static final class Unauthenticated extends RuntimeException {
        Unauthenticated() {
            super("This API needs an API key in the " + ApiKeyFilter.HEADER + " header.", null, false, false);
        }
    }

    /** The caller is authenticated but its key lacks a scope. */
    public static final class Forbidden extends RuntimeException {
        private final Caller.Scope scope;

        Forbidden(Caller.Scope scope) {
            super("This API key may not do this: it needs the " + scope.name().toLowerCase(Locale.ROOT)
                    + " scope (docs/operations.md, \"Keys, scopes and names\").", null, false, false);
            this.scope = scope;
        }

        public Caller.Scope scope() {
            return scope;
        }
    }
}
