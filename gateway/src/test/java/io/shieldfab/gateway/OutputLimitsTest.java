package io.shieldfab.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The security review's finding 5 (docs/evidence.md): one valid design whose layout files are gigabytes. The
 * gateway refuses it where it enters, with the fields that drive the size (docs/design-document.md, "Output
 * size"), and stays ready while many arrive at once. Without the limit the design would validate (200) and be
 * accepted as a handoff (202).
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class OutputLimitsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> SIZE_FIELDS = List.of("panel.rows", "panel.columns", "shield.openings.perWall");

    @TestHTTPResource("/")
    URI base;

    /**
     * The Wi-Fi example on 500 × 500 sites of 3 × 3 mm packages at 3.9 mm (1956 mm, inside the 2 m panel side),
     * with 100 slots of 0.015 mm per wall: 250 000 sites × 406 polygons, 101 752 006 shapes, a DXF of about
     * 26.6 GiB and a flat GDSII of 6.06 GiB by the estimate (design-model's OutputEstimateTest works them out).
     */
    static String finding5() throws IOException {
        ObjectNode d = (ObjectNode) MAPPER.readTree(Files.readString(HandoffTest.EXAMPLES.resolve("wifi-fem-2g4.json")));
        ((ObjectNode) d.get("package")).put("bodyLengthMm", 3.0).put("bodyWidthMm", 3.0);
        ((ObjectNode) d.get("panel")).put("rows", 500).put("columns", 500).put("pitchXMm", 3.9).put("pitchYMm", 3.9);
        ObjectNode shield = (ObjectNode) d.get("shield");
        shield.put("wallClearanceMm", 0.2).put("thicknessUm", 20);
        ((ObjectNode) shield.get("openings")).put("style", "SLOTS").put("perWall", 100).put("lengthMm", 0.015);
        return MAPPER.writeValueAsString(d);
    }

    @Test
    void validationRefusesTheDesignNamingTheFieldsThatDriveTheSize() throws IOException {
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json").body(finding5())
                .when().post("/api/v1/designs/validate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("status", equalTo(400))
                .body("violations.field", equalTo(SIZE_FIELDS))
                .body("violations[0].message", containsString("101,752,006 shapes in a flat file (limit 2,000,000)"))
                .body("violations[0].message", containsString("DXF 26.6 GiB (limit 512 MiB)"))
                .body("violations[0].message", containsString("use at most 9 rows with 500 columns"));
    }

    @Test
    void aHandoffOfTheDesignIsRefusedAndNothingIsQueued() throws IOException {
        String body = finding5();
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json").body(body)
                .when().post("/api/v1/handoffs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(SIZE_FIELDS));
        // the envelope form names the same fields under design.
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.set("design", MAPPER.readTree(body));
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json").body(envelope.toString())
                .when().post("/api/v1/handoffs")
                .then().statusCode(400)
                .body("violations.field", hasItems("design.panel.rows", "design.panel.columns",
                        "design.shield.openings.perWall"));
        // the largest panel the messages name is accepted: 9 rows of 500 columns
        JsonNode nine = MAPPER.readTree(body);
        ((ObjectNode) nine.get("panel")).put("rows", 9);
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json").body(nine.toString())
                .when().post("/api/v1/designs/validate")
                .then().statusCode(200).body("valid", equalTo(true)).body("siteCount", equalTo(4500));
    }

    @Test
    void readinessStaysUpThroughABurstOfTheDesign() throws Exception {
        // 50 validations and 50 handoffs of the design at once, over loopback, while readiness is asked again
        // and again until the last answer is in. Every answer to the burst is the 400 naming the fields, and
        // every readiness answer is 200 UP. Counted, not timed: no answer has a deadline beyond the client's.
        String body = finding5();
        HttpClient client = HttpClient.newBuilder().build();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            burst.add(client.sendAsync(post("api/v1/designs/validate", body), HttpResponse.BodyHandlers.ofString()));
            burst.add(client.sendAsync(post("api/v1/handoffs", body), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new));
        AtomicBoolean done = new AtomicBoolean();
        all.whenComplete((ok, failure) -> done.set(true));
        List<Integer> readiness = new ArrayList<>();
        do {
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            readiness.add(ready.statusCode());
            assertThat(ready.body()).contains("\"UP\"");
        } while (!done.get());
        all.join();

        assertThat(readiness).isNotEmpty().containsOnly(200);
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            HttpResponse<String> r = answer.join();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            MAPPER.readTree(r.body()).path("violations").forEach(v -> fields.add(v.path("field").asText()));
            assertThat(fields).isEqualTo(SIZE_FIELDS);
        }
        System.out.println("BURST gateway: 100 requests of the 500 x 500 x 100-slot design, all 400; "
                + readiness.size() + " readiness checks during the burst, all 200 UP");
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("X-API-Key", ForwardingTest.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
