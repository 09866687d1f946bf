package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.security.ApiKeys;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal over HTTP without a browser: sign-in and its cookie, CSRF and cross-site refusals,
 * revoked keys, ownership, limits, and that none of it leaks into the API's OpenAPI document.
 */
@QuarkusTest
class PortalTest {

    static final String KEY = PortalBrowserTest.KEY;
    static final String OTHER_KEY = "second-test-key-abcdef";
    static final Path EXAMPLES = PortalBrowserTest.EXAMPLES;
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    SessionTokens tokens;

    @Inject
    GatewayConfig config;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void recordedServices() {
        RecordedServices.install(config, circuitBreakers);
    }

    static Response signIn(String key) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", key).when().post("/sign-in");
    }

    static String session(String key) {
        return signIn(key).then().statusCode(303).extract().cookie(SessionTokens.COOKIE);
    }

    static String csrf(String session) {
        String page = given().cookie(SessionTokens.COOKIE, session).when().get("/new").then().statusCode(200).extract().asString();
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void homeSendsStrangersToSignIn() {
        given().redirects().follow(false).when().get("/").then().statusCode(303)
                .header("Location", Matchers.endsWith("/sign-in"));
        given().redirects().follow(false).when().get("/handoffs").then().statusCode(303)
                .header("Location", Matchers.endsWith("/sign-in"));
    }

    @Test
    void wrongKeyIsA401PageWithAClearMessageAndNoCookie() {
        Response r = signIn("wrong-key-0123456789-xyz");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("That API key is not valid").doesNotContain("wrong-key-0123456789-xyz");
        assertThat(r.header("Set-Cookie")).isNull();
        assertThat(signIn("").statusCode()).isEqualTo(401);
    }

    @Test
    void signInSetsAStrictHttpOnlyBrowserSessionCookieWithoutTheKey() {
        Response r = signIn(KEY);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/handoffs");
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Max-Age", "Expires", KEY);
        assertThat(setCookie).contains(ApiKeys.digestHex(KEY));
        String page = given().cookie(SessionTokens.COOKIE, r.cookie(SessionTokens.COOKIE)).when().get("/handoffs")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1>Handoffs</h1>", "lang=\"en\"");
    }

    /**
     * Finding 9 of the security review: sign-out only asked the browser to drop its cookie; a copy of the cookie
     * (another tab's, a stolen one) stayed valid for up to 12 h. Sign-out now revokes the session on the server.
     */
    @Test
    void aSignedOutSessionCookieNoLongerWorksAnywhere() {
        String session = session(KEY);
        String other = session(KEY);
        given().redirects().follow(false).cookie(SessionTokens.COOKIE, session).when().get("/handoffs").then().statusCode(200);
        given().redirects().follow(false).cookie(SessionTokens.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf(session)).when().post("/sign-out").then().statusCode(303);

        given().redirects().follow(false).cookie(SessionTokens.COOKIE, session).when().get("/handoffs").then().statusCode(303)
                .header("Location", Matchers.containsString("/sign-in"));
        assertThat(tokens.read(session, Instant.now())).isEmpty();
        // another browser's sign-in of the same key goes on
        given().redirects().follow(false).cookie(SessionTokens.COOKIE, other).when().get("/handoffs").then().statusCode(200);
    }

    @Test
    void postsFromAnotherSiteOrWithoutTheSessionTokenAreRefused() {
        given().header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", KEY).when().post("/sign-in").then().statusCode(403);
        given().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", KEY).when().post("/sign-in").then().statusCode(403);
        String session = session(KEY);
        given().cookie(SessionTokens.COOKIE, session).contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .when().post("/sign-out").then().statusCode(403);
        given().cookie(SessionTokens.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "forged").when().post("/sign-out").then().statusCode(403);
        given().redirects().follow(false).cookie(SessionTokens.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf(session)).when().post("/sign-out").then().statusCode(303)
                .header("Set-Cookie", Matchers.containsString("Max-Age=0"));
    }

    @Test
    void aTamperedOrRevokedSessionSignsOut() {
        String session = session(KEY);
        String tampered = session.substring(0, session.length() - 2) + (session.endsWith("AA") ? "BB" : "AA");
        given().redirects().follow(false).cookie(SessionTokens.COOKIE, tampered).when().get("/handoffs")
                .then().statusCode(303).header("Location", Matchers.endsWith("/sign-in?reason=expired"));
        // Signed with the right secret, but for a key that is no longer configured.
        String revoked = tokens.issue(ApiKeys.digestHex("a-key-that-was-revoked-0123"), Instant.now());
        given().redirects().follow(false).cookie(SessionTokens.COOKIE, revoked).when().get("/handoffs")
                .then().statusCode(303).header("Location", Matchers.endsWith("/sign-in?reason=expired"));
        // Older than the maximum age.
        String old = tokens.issue(ApiKeys.digestHex(KEY), Instant.now().minus(config.portal().sessionMaxAge()).minusSeconds(5));
        given().redirects().follow(false).cookie(SessionTokens.COOKIE, old).when().get("/handoffs").then().statusCode(303);
        // htmx polls get a whole-page redirect instead of a sign-in form inside the table.
        given().header("HX-Request", "true").when().get("/handoffs/rows")
                .then().statusCode(200).header("HX-Redirect", "/sign-in");
    }

    @Test
    void anotherKeysHandoffIsNotFound() throws IOException {
        String id = given().header("X-API-Key", OTHER_KEY).contentType("application/json")
                .body(Files.readString(EXAMPLES.resolve("wifi-fem-2g4.json"))).when().post("/api/v1/handoffs")
                .then().statusCode(202).extract().path("id");
        String session = session(KEY);
        given().cookie(SessionTokens.COOKIE, session).when().get("/handoffs/" + id).then().statusCode(404);
        given().cookie(SessionTokens.COOKIE, session).when().get("/handoffs/" + id + "/bundle").then().statusCode(404);
        given().cookie(SessionTokens.COOKIE, session).when().get("/handoffs/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
        given().cookie(SessionTokens.COOKIE, session(OTHER_KEY)).when().get("/handoffs/" + id).then().statusCode(200);
    }

    @Test
    void uploadsAreLimitedAndYamlIsAccepted() throws IOException {
        String session = session(KEY);
        byte[] huge = ("{\"name\":\"" + "x".repeat((int) config.maxDesignBytes()) + "\"}").getBytes(StandardCharsets.UTF_8);
        Response tooLarge = given().cookie(SessionTokens.COOKIE, session).multiPart("csrf", csrf(session))
                .multiPart("design", "huge.json", huge, "application/json").when().post("/new/upload");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.asString()).contains("larger than 1024 KiB");

        byte[] yaml = Files.readAllBytes(EXAMPLES.resolve("mmwave-28g.yaml"));
        String submission = UUID.randomUUID().toString();
        String csrf = csrf(session);
        String first = given().redirects().follow(false).cookie(SessionTokens.COOKIE, session).multiPart("csrf", csrf)
                .multiPart("submission", submission).multiPart("design", "mmwave-28g.yaml", yaml, "application/octet-stream")
                .when().post("/new/upload").then().statusCode(303).extract().header("Location");
        assertThat(first).matches(".*/handoffs/[0-9a-f-]{36}");
        // The same form sent twice (a double click) makes one handoff.
        String again = given().redirects().follow(false).cookie(SessionTokens.COOKIE, session).multiPart("csrf", csrf)
                .multiPart("submission", submission).multiPart("design", "mmwave-28g.yaml", yaml, "application/octet-stream")
                .when().post("/new/upload").then().statusCode(303).extract().header("Location");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void exampleFormNamesTheInputOfEachError() {
        String session = session(KEY);
        String page = given().cookie(SessionTokens.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf(session)).formParam("example", "wifi-fem-2g4.json")
                .formParam("name", "wifi").formParam("panel.rows", "four").formParam("shield.thicknessUm", "-3")
                .formParam("package.operatingFrequencyHz", "2.45")
                .when().post("/new/example").then().statusCode(400).extract().asString();
        assertThat(page).contains("id=\"in-panel-rows-error\">must be a number")
                .contains("aria-describedby=\"in-panel-rows-error\"");
    }

    @Test
    void pagesCarrySecurityHeadersAndStayOutOfTheOpenApiDocument() throws IOException {
        Response page = given().when().get("/sign-in");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String openApi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(new ObjectMapper().readTree(openApi).path("paths").fieldNames()).toIterable()
                .allMatch(p -> p.startsWith("/api/"));
        given().when().get("/portal/vendor/htmx-2.0.11.min.js").then().statusCode(200);
    }

    @Test
    void theExamplesOfferedAreTheValidExampleFiles() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") || n.endsWith(".yaml"))
                    .filter(n -> !n.startsWith("invalid-")).sorted().toList();
        }
        assertThat(config.portal().examples()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(Arrays.asList("wifi-fem-2g4.json", "mmwave-28g.yaml")).isSubsetOf(files);
    }
}
