package io.shieldfab.gateway.badinput;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shieldfab.design.fuzz.DesignMutations;
import io.shieldfab.design.fuzz.DesignMutations.Sample;
import io.shieldfab.design.fuzz.FuzzSeed;
import io.shieldfab.design.fuzz.ProblemCheck;
import io.shieldfab.gateway.DownstreamStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over HTTP (docs/evidence.md): mutated, malformed and oversized design documents posted to
 * {@code POST /api/v1/designs/validate} and {@code POST /api/v1/handoffs} (bare and in the JSON envelope),
 * and hostile handoff ids in the paths. Every answer must be a success or an RFC 9457 problem whose
 * {@code status} matches ({@link ProblemCheck}); never a 5xx, never a stack trace, never a hang (every request
 * has a {@link #TIMEOUT}). The documents come from design-model's generators (its test-jar), with a fresh seed
 * per run, printed in the {@code BAD-INPUT gateway} line.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class GatewayBadInputTest {

    static final String KEY = "test-key-0123456789";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final long SEED = FuzzSeed.seed();

    static final AtomicInteger requests = new AtomicInteger();
    static final AtomicInteger successes = new AtomicInteger();
    static final AtomicInteger problems = new AtomicInteger();
    static DesignMutations mutations;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void load() {
        mutations = DesignMutations.load();
    }

    @AfterAll
    static void summary() {
        FuzzSeed.report("gateway", requests.get() + " requests tried, " + successes.get() + " 2xx, " + problems.get()
                + " 4xx problems, 0 server errors, 0 hangs", SEED);
    }

    @Test
    void mutatedDesignsGetASuccessOrAProblemFromValidate() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Sample> samples = new ArrayList<>(mutations.randomEdits(random, 500));
        samples.addAll(mutations.classicAttacks(random));
        List<Sample> fieldByField = new ArrayList<>(mutations.everyFieldTimesEveryValue(random));
        Collections.shuffle(fieldByField, new Random(SEED));
        samples.addAll(fieldByField.subList(0, Math.min(400, fieldByField.size())));
        for (Sample sample : samples) {
            int status = post("/api/v1/designs/validate", sample.body(), sample.contentType(), sample.toString());
            if (sample.mustBeRefusedAtField()) {
                assertThat(status).as("%s: %s", sample, lastBody).isEqualTo(400);
            }
        }
    }

    @Test
    void mutatedDesignsGetAnAcceptanceOrAProblemFromHandoffs() {
        SplittableRandom random = new SplittableRandom(SEED ^ 0x9E3779B97F4A7C15L);
        List<Sample> samples = new ArrayList<>(mutations.randomEdits(random, 150));
        samples.addAll(mutations.classicAttacks(random));
        for (Sample sample : samples) {
            post("/api/v1/handoffs", sample.body(), sample.contentType(), sample.toString());
        }
        // the JSON envelope {"design": ..., "callbackUrl": ...} around mutated designs, with odd callbacks
        String[] callbacks = {null, "\"https://example.org/hook\"", "\"\"", "42", "[]", "{}", "\"javascript:alert(1)\"",
                "\"http://[::1\"", "\"" + "h".repeat(10_000) + "\""};
        for (Sample sample : mutations.randomEdits(random, 100)) {
            String design = sample.text();
            String callback = callbacks[random.nextInt(callbacks.length)];
            String envelope = "{\"design\": " + design + (callback == null ? "" : ", \"callbackUrl\": " + callback) + "}";
            post("/api/v1/handoffs", envelope.getBytes(StandardCharsets.UTF_8), "application/json", "envelope of " + sample);
        }
    }

    @Test
    void oversizedBodiesAre413Problems() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        Arrays.fill(twoMegabytes, (byte) ' ');
        twoMegabytes[0] = '{'; // not blank: a blank body is "empty", not "too large"
        for (String path : List.of("/api/v1/designs/validate", "/api/v1/handoffs")) {
            // with Content-Length: refused before the body is read
            assertThat(post(path, twoMegabytes, "application/json", "2 MiB with Content-Length to " + path))
                    .as("2 MiB with Content-Length to %s: %s", path, lastBody).isEqualTo(413);
            // chunked, no Content-Length: refused once read
            HttpRequest chunked = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes))).build();
            assertThat(send(chunked, "2 MiB chunked to " + path)).as("2 MiB chunked to %s: %s", path, lastBody)
                    .isEqualTo(413);
            // chunked beyond quarkus.http.limits.max-body-size (4 MiB): RESTEasy Reactive's VertxInputStream ends
            // the response itself with a bare 413 and closes the connection, before any handler of ours can write
            // a problem body (Quarkus 3.33; docs/evidence.md). The status is right and nothing hangs or fails.
            byte[] tenMegabytes = new byte[10 * 1024 * 1024];
            HttpRequest huge = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMegabytes))).build();
            try {
                HttpResponse<byte[]> response = http.send(huge, HttpResponse.BodyHandlers.ofByteArray());
                requests.incrementAndGet();
                problems.incrementAndGet();
                assertThat(response.statusCode()).as("10 MiB chunked to %s", path).isEqualTo(413);
            } catch (IOException closedWhileSending) {
                requests.incrementAndGet(); // the server closed the connection mid-upload: refused, not accepted
            }
        }
    }

    @Test
    void hostileHandoffIdsAre400Or404ProblemsThatDoNotEchoThem() throws Exception {
        List<String> ids = List.of("..%2F..%2Fetc%2Fpasswd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "..%5C..%5Cwindows%5Cwin.ini", "%00", "a%00b", "..;", "%252e%252e%252fetc%252fpasswd",
                "%C0%AE%C0%AE%2Fetc%2Fpasswd", "%FF%FE", "%E2%80%AEevil", "%F0%9F%9B%A1", "%20", "~root",
                "'%20OR%20'1'='1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a".repeat(2000),
                "00000000-0000-0000-0000-000000000000", "null", "-1", "%25");
        for (String id : ids) {
            for (String suffix : new String[]{"", "/bundle"}) {
                HttpRequest get = request("/api/v1/handoffs/" + id + suffix).GET().build();
                HttpResponse<byte[]> response = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                record(response, "GET handoffs/" + id + suffix);
                assertThat(response.statusCode()).as("GET handoffs/%s%s", id, suffix).isIn(400, 404);
                String body = new String(response.body(), StandardCharsets.UTF_8);
                assertThat(body).as("GET handoffs/%s%s", id, suffix)
                        .doesNotContain("/etc/passwd", "<script", "\\windows", "\u202E");
            }
        }
    }

    @Test
    void hostileQueryParametersAndHeadersGetProblems() throws Exception {
        for (String query : List.of("limit=abc", "limit=-1", "limit=0", "limit=1e10", "limit=99999999999999999999",
                "limit=NaN", "cursor=" + "z".repeat(3000), "cursor=%00", "cursor=..%2F..%2F", "limit=%F0%9F%9B%A1",
                "limit=1&limit=2", "cursor=eyJ9")) {
            send(request("/api/v1/handoffs?" + query).GET().build(), "GET handoffs?" + query);
        }
        byte[] wifi = DesignMutations.write(mutations.firstValid(), false).getBytes(StandardCharsets.UTF_8);
        for (String key : List.of("", " ", "k".repeat(256), "k".repeat(5000), "🛡️", "\u0000")) {
            HttpRequest.Builder builder = request("/api/v1/handoffs").header("Content-Type", "application/json");
            try {
                builder.header("Idempotency-Key", key);
            } catch (IllegalArgumentException notSendable) {
                continue; // java.net.http refuses to send this header value at all
            }
            send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(wifi)).build(), "Idempotency-Key of " + key.length());
        }
        for (String callback : List.of("%00", "http://%00/", "http://[::1", "h".repeat(3000), "http://a b/")) {
            send(request("/api/v1/handoffs?callbackUrl=" + callback.replace(" ", "%20")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(wifi)).build(), "callbackUrl=" + callback);
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            send(request("/api/v1/designs/validate").method(method, HttpRequest.BodyPublishers.ofByteArray(wifi)).build(),
                    method + " validate");
        }
        send(request("/api/v1/designs/validate").header("Content-Type", "application/json")
                .header("Accept", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(wifi)).build(), "Accept xml");
    }

    // ---------------------------------------------------------------- requests

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(TIMEOUT).header("X-API-Key", KEY);
    }

    private int post(String path, byte[] body, String contentType, String context) {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            try {
                builder.header("Content-Type", contentType);
            } catch (IllegalArgumentException notSendable) {
                builder.header("Content-Type", "application/octet-stream");
            }
        }
        return send(builder.build(), "POST " + path + " " + context);
    }

    private int send(HttpRequest request, String context) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("seed " + SEED + ": no answer within " + TIMEOUT + " to " + context);
        } catch (IOException e) {
            throw new AssertionError("seed " + SEED + ": the connection failed for " + context, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return record(response, context);
    }

    /** The body of the last response, for failure messages. */
    static volatile String lastBody = "";

    private static int record(HttpResponse<byte[]> response, String context) {
        requests.incrementAndGet();
        lastBody = ProblemCheck.abbreviate(new String(response.body(), StandardCharsets.UTF_8));
        int status = ProblemCheck.check(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body(), "seed " + SEED + ": " + context);
        (status < 400 ? successes : problems).incrementAndGet();
        return status;
    }
}
