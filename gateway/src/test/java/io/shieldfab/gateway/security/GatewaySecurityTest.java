package io.shieldfab.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shieldfab.design.fuzz.DesignMutations;
import io.shieldfab.design.fuzz.FuzzSeed;
import io.shieldfab.gateway.DownstreamStubs;
import io.shieldfab.design.fuzz.ProblemCheck;
import io.shieldfab.gateway.webhook.CallbackTargets;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Security checks (docs/evidence.md): requests without a key, with a wrong one and with a revoked one get a 401
 * problem; no key ever appears in a log record (captured from the root logger, with the HTTP access log on and
 * the gateway at DEBUG), a problem body or a response header; the rate limit is per key; and webhook targets
 * inside our own network are refused with a problem naming {@code callbackUrl}.
 */
@QuarkusTest
@TestProfile(GatewaySecurityTest.Hardened.class)
@QuarkusTestResource(DownstreamStubs.class)
class GatewaySecurityTest {

    static final String MAIN = "sec-main-key-0123456789abcdef";
    static final String OTHER = "sec-other-key-0123456789abcdef";
    static final String REVOKED = "sec-revoked-key-0123456789abcdef";
    static final String LIMITED_A = "sec-limited-a-0123456789abcdef";
    static final String LIMITED_B = "sec-limited-b-0123456789abcdef";
    static final String WRONG = "sec-wrong-key-0123456789abcdef";
    static final List<String> ALL_KEYS = List.of(MAIN, OTHER, REVOKED, LIMITED_A, LIMITED_B, WRONG);
    static final int PER_MINUTE = 20;

    /** Five keys, one of them revoked by digest; 20 requests per minute and key; no webhooks to loopback. */
    public static class Hardened implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "shieldfab.api-keys", String.join(",", MAIN, OTHER, REVOKED, LIMITED_A, LIMITED_B),
                    "shieldfab.revoked-api-keys", ApiKeys.digestHex(REVOKED),
                    "shieldfab.rate-limit.requests-per-minute", Integer.toString(PER_MINUTE),
                    "shieldfab.webhook.allow-loopback", "false",
                    "quarkus.http.access-log.enabled", "true",
                    "quarkus.log.category.\"io.shieldfab\".level", "DEBUG");
        }
    }

    @Inject
    CallbackTargets callbackTargets;

    /** Every log record written while a test runs, formatted with its parameters and stack trace. */
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName()).append(' ').append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(' ').append(t);
            }
            // the log context too (traceId, spanId, handoffId: fields of every JSON log line in production)
            if (record instanceof ExtLogRecord ext) {
                ext.getMdcCopy().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    int requests;

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void missingWrongAndRevokedKeysAre401ProblemsAndNoKeyIsEverLoggedOrEchoed() throws Exception {
        String wifi = DesignMutations.write(DesignMutations.load().firstValid(), false);
        // the revoked key is still listed in shieldfab.api-keys: revocation alone shuts it out. (Blanks around a
        // key are no test: HTTP strips them from header values, RFC 9110 §5.5.)
        for (String key : new String[]{null, "", WRONG, REVOKED, REVOKED.toUpperCase(), MAIN + "x", MAIN.substring(1)}) {
            for (String path : List.of("/api/v1/designs/validate", "/api/v1/handoffs", "/api/v1/layouts/L-1")) {
                var request = given().contentType("application/json").body(wifi);
                if (key != null) {
                    request.header("X-API-Key", key);
                }
                Response response = path.endsWith("L-1") ? request.when().get(path) : request.when().post(path);
                assertResponseLeaksNoKey(response, key + " on " + path);
                response.then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", containsString("X-API-Key"))
                        .body("status", equalTo(401))
                        .body("detail", containsString(key == null || key.isEmpty() ? "needs an API key" : "not valid"));
            }
        }
        // the right key works, and its use is logged (access log) without the key
        for (String path : List.of("/api/v1/designs/validate", "/api/v1/handoffs")) {
            Response ok = given().header("X-API-Key", MAIN).contentType("application/json").body(wifi).when().post(path);
            assertResponseLeaksNoKey(ok, "right key on " + path);
            assertThat(ok.statusCode()).isIn(200, 202);
        }
        Response invalid = given().header("X-API-Key", MAIN).contentType("application/json").body("{\"name\": 1}")
                .when().post("/api/v1/designs/validate");
        assertResponseLeaksNoKey(invalid, "invalid design");
        invalid.then().statusCode(400);

        Thread.sleep(300); // the access log is written after the response
        assertThat(logged).as("the capture sees the access log, so the check below is not vacuous")
                .anySatisfy(line -> assertThat(line).contains("/api/v1/designs/validate"))
                .as("and the log context with the trace id").anySatisfy(line -> assertThat(line).containsPattern(
                        "traceId=[0-9a-f]{32}"));
        for (String line : logged) {
            for (String key : ALL_KEYS) {
                assertThat(line).as("log record").doesNotContain(key);
            }
        }
        FuzzSeed.report("gateway security", requests + " requests with no, wrong, revoked and right keys, "
                + logged.size() + " log records captured, 0 containing a key");
    }

    @Test
    void theRateLimitIsPerKey() {
        // A token bucket refills one request every 60 / PER_MINUTE s, so a slow machine may see a request
        // or two more served before the refusal: at least PER_MINUTE, at most what the elapsed time refilled.
        long start = System.nanoTime();
        int served = 0;
        Response refused;
        while ((refused = given().header("X-API-Key", LIMITED_A).when().get("/api/v1/handoffs")).statusCode() == 200) {
            served++;
            assertThat(served).as("requests served before a refusal").isLessThanOrEqualTo(3 * PER_MINUTE);
        }
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(served).isBetween(PER_MINUTE, PER_MINUTE + (int) (elapsedSeconds * PER_MINUTE / 60) + 1);
        assertResponseLeaksNoKey(refused, "429");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString(PER_MINUTE + " requests per minute"));
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60 / PER_MINUTE + 1);
        // the other key is untouched, and requests with wrong keys draw on no key's bucket
        given().header("X-API-Key", LIMITED_B).when().get("/api/v1/handoffs").then().statusCode(200)
                .header("RateLimit-Remaining", String.valueOf(PER_MINUTE - 1));
        for (int i = 0; i < PER_MINUTE + 5; i++) {
            given().header("X-API-Key", WRONG).when().get("/api/v1/handoffs").then().statusCode(401);
        }
        int remaining = Integer.parseInt(given().header("X-API-Key", LIMITED_B).when().get("/api/v1/handoffs")
                .then().statusCode(200).extract().header("RateLimit-Remaining"));
        // PER_MINUTE − 2 after two requests, or PER_MINUTE − 1 when a refill came between them
        assertThat(remaining).isBetween(PER_MINUTE - 2, PER_MINUTE - 1);
    }

    @Test
    void webhookTargetsInsideOurNetworkAreRefused() throws Exception {
        List<String> internal = List.of(
                "http://127.0.0.1/hook", "http://127.1/hook", "http://2130706433/hook", "http://localhost:8080/hook",
                "http://LOCALHOST/hook", "http://10.0.0.7/hook", "http://172.16.3.4/hook", "http://192.168.1.1/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook", "http://[0:0:0:0:0:0:0:1]/hook",
                "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:169.254.169.254]/hook", "http://[fc00::1]/hook",
                "http://[fd12:3456::1]/hook", "http://[fe80::1]/hook", "http://100.64.0.1/hook", "http://100.127.255.254/",
                "http://0.0.0.0/hook", "http://0.1.2.3/hook", "http://[::]/hook", "http://224.0.0.1/hook",
                "http://[::10.0.0.7]/hook", "http://[::127.0.0.1]/hook", "http://[64:ff9b::a9fe:a9fe]/hook",
                "http://[2002:a00:7::1]/hook", "http://[2002:7f00:1::1]/hook",
                "http://user@example.org/hook", "http://user:pass@example.org/hook", "http://example.org@127.0.0.1/hook",
                "ftp://example.org/hook", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)",
                "jar:http://example.org/a.jar!/", "dict://127.0.0.1:11211/", "//example.org/hook", "http:///hook",
                "http://[::1/hook", "not a url", "http://no-such-host.invalid/hook");
        for (String url : internal) {
            assertThat(callbackTargets.refusal(url)).as(url).isPresent();
        }
        // public addresses stay allowed (no DNS needed for literals)
        for (String url : List.of("https://93.184.215.14/hook", "http://[2606:4700:4700::1111]/hook", "http://8.8.8.8:8080/x")) {
            assertThat(callbackTargets.refusal(url)).as(url).isEmpty();
        }
        // over HTTP, as the query parameter and in the envelope: a 400 problem naming callbackUrl
        String wifi = DesignMutations.write(DesignMutations.load().firstValid(), false);
        for (String url : List.of("http://127.0.0.1/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://169.254.169.254/", "http://[::1]/hook", "http://[fc00::1]/hook", "http://100.64.1.1/",
                "http://user@evil.example/", "file:///etc/passwd")) {
            Response query = given().header("X-API-Key", OTHER).contentType("application/json").queryParam("callbackUrl", url)
                    .body(wifi).when().post("/api/v1/handoffs");
            assertResponseLeaksNoKey(query, "callbackUrl " + url);
            query.then().statusCode(400).body("violations.field", hasItem("callbackUrl"));
        }
        Response envelope = given().header("X-API-Key", OTHER).contentType("application/json")
                .body("{\"design\": " + wifi + ", \"callbackUrl\": \"http://169.254.169.254/latest/meta-data/\"}")
                .when().post("/api/v1/handoffs");
        assertResponseLeaksNoKey(envelope, "envelope callbackUrl");
        envelope.then().statusCode(400).body("violations.field", hasItem("callbackUrl"));
    }

    private void assertResponseLeaksNoKey(Response response, String context) {
        requests++;
        ProblemCheck.check(response.statusCode(), response.getContentType(), response.asByteArray(), context);
        String body = response.asString();
        for (String key : ALL_KEYS) {
            assertThat(body).as("body for %s", context).doesNotContain(key);
            response.getHeaders().forEach(h -> assertThat(h.getValue()).as("header %s for %s", h.getName(), context)
                    .doesNotContain(key));
        }
    }
}
