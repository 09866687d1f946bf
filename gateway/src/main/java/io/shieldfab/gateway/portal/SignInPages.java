package io.shieldfab.gateway.portal;

import io.shieldfab.gateway.security.ApiKeyFilter;
import io.shieldfab.gateway.security.ApiKeys;
import io.shieldfab.gateway.security.Caller;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Optional;

/** The portal's front door: {@code /}, sign-in with an API key, sign-out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    private final PortalAuth auth;
    private final SessionTokens tokens;
    private final ApiKeys keys;

    public SignInPages(PortalAuth auth, SessionTokens tokens, ApiKeys keys) {
        this.auth = auth;
        this.tokens = tokens;
        this.keys = keys;
    }

    @GET
    public Response home(@CookieParam(SessionTokens.COOKIE) String cookie) {
        return Response.seeOther(URI.create(auth.current(cookie).isPresent() ? "/handoffs" : "/sign-in")).build();
    }

    @GET
    @Path("sign-in")
    public Response signInPage(@CookieParam(SessionTokens.COOKIE) String cookie, @QueryParam("reason") String reason) {
        if (auth.current(cookie).isPresent()) {
            return Response.seeOther(URI.create("/handoffs")).build();
        }
        String message = switch (reason == null ? "" : reason) {
            case "expired" -> "Your session has ended (it expired, or its API key was revoked). Sign in again.";
            case "signed-out" -> "You are signed out.";
            default -> null;
        };
        return Response.ok(Templates.signIn(null, message, tokens.signInPossible())).build();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("apiKey") String apiKey, @Context HttpHeaders headers,
                           @Context HttpServerRequest request) {
        auth.requireSameOrigin(headers);
        String address = ApiKeyFilter.clientAddress(request);
        auth.throttleSignIn(address);
        if (!tokens.signInPossible()) {
            return Response.status(503).entity(Templates.signIn(null, "Sign-in is switched off on this gateway: its operator "
                    + "has not set SHIELDFAB_PORTAL_SECRET. The API works as usual.", false)).build();
        }
        Optional<String> owner = keys.authenticate(apiKey == null ? null : apiKey.trim()).map(Caller::owner);
        if (owner.isEmpty()) {
            auth.signInFailed(address);
            String message = apiKey == null || apiKey.isBlank()
                    ? "Enter your API key to sign in."
                    : "That API key is not valid. Check that you copied all of it (bin/shieldfab up prints it and keeps it "
                    + "in data/api-key), or ask your administrator for a key.";
            return Response.status(401).entity(Templates.signIn(null, message, true)).build();
        }
        return Response.seeOther(URI.create("/handoffs")).header("Set-Cookie", auth.signInCookie(owner.get())).build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(SessionTokens.COOKIE) String cookie, @FormParam("csrf") String csrf,
                            @Context HttpHeaders headers) {
        auth.revoke(auth.requireForm(cookie, csrf, headers));
        return Response.seeOther(URI.create("/sign-in?reason=signed-out")).header("Set-Cookie", auth.signOutCookie()).build();
    }
}
