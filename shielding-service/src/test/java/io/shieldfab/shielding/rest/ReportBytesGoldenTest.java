package io.shieldfab.shielding.rest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import io.shieldfab.support.hashing.Sha256;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes a client downloads for an evaluation, pinned: the report JSON of the POST (with and without an
 * {@code Idempotency-Key}, and its replay), of the GET, and the chart SVG, for the example designs with their layouts.
 * The report's {@code id} and {@code createdAt} differ per evaluation and are replaced by fixed text before hashing;
 * every other byte is covered by the SHA-256. The hashes are of the output before the per-handoff cost work of issue
 * 18 (one serialisation per POST, the stored text served on GET), which must not change a byte (docs/benchmarks.md,
 * "shielding"). A deliberate change of the report updates them: the failure message gives the new hash.
 */
@QuarkusTest
class ReportBytesGoldenTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PATH = "/api/v1/shielding/evaluations";

    @Inject
    ObjectMapper serviceMapper;

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("wifi", ExampleDesigns.WIFI, ExampleLayouts.WIFI, none(),
                        "7551c70a8e81819246ff29d680751e2331fc4d165423e6dfec63b4bf8a8332bf",
                        "8de875e83a3dc7849e9e8378059c8f3a674a0d8cd6ceeabf7248e3238b756a0c"),
                Arguments.of("wifi-pads", ExampleDesigns.WIFI, ExampleLayouts.WIFI_PADS,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("bonding")).put("pattern", "PADS"),
                        "3c37ab55d24cec856428719672407f30beb0be2ed89d13aa2b73ef2f7f0d0dc3",
                        "e9a286f734339080c0a1d9deaf954c0ce8b4b00a230cdf603666d4a7007e51f9"),
                Arguments.of("wifi-first-draft", ExampleDesigns.WIFI, ExampleLayouts.WIFI_FIRST_DRAFT,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("shield").get("openings"))
                                .put("lengthMm", 0.8).put("heightMm", 0.2),
                        "2edcceed9a794cc72cf90ed9c7fd5a99daa5e2fdfe290f73d901c4d4085a421a",
                        "60526340da14b6111d275180911f1889b85ebffb7313c680ade21180de340fd5"),
                Arguments.of("mmwave", ExampleDesigns.MMWAVE, ExampleLayouts.MMWAVE, none(),
                        "6dfe992fadc686400d5fb1d123d8ffd9a144f311db5a2118ab3ff9b1404cf165",
                        "5292f74df5576e883de7d8028f788d14f809ac09f613059f5d514e336309b319"),
                Arguments.of("mmwave-fixed", ExampleDesigns.MMWAVE, ExampleLayouts.MMWAVE_FIXED,
                        (Consumer<ObjectNode>) d -> {
                            ((ObjectNode) d.get("shield").get("openings")).put("lengthMm", 0.015).put("heightMm", 0.015);
                            ((ObjectNode) d.get("bonding")).put("pattern", "RING");
                        },
                        "44550087f21a9759d985519226da0dd8b78d64cb0e66923275efa184808ea5fc",
                        "ee75b76c3380bf8bcec7e91c3ec2620ef74f5618a01b5ce15171c54c80ae68e5"),
                Arguments.of("mmwave-coarse-filler", ExampleDesigns.MMWAVE_COARSE_FILLER, ExampleLayouts.MMWAVE_FIXED,
                        none(),
                        "83ac9b342d5c538c2bc11340af4becd417a05043268ffe682fba722194d74d55",
                        "9ee4f1f90ec778385432347b5f81e7723cf27914b1930bdd7b0a6db5276a6342"),
                Arguments.of("mcu", ExampleDesigns.MCU, ExampleLayouts.MCU, none(),
                        "d25c6c776d4d8e7a284ae44f977955dbbfea901ba306d8ca912920e8b75dcdd1",
                        "b8ddb416937d40ead4584005e1b3bcb4a623628dc1652499345ac5f912d16f61"));
    }

    private static Consumer<ObjectNode> none() {
        return d -> {
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theReportAndChartBytesAreUnchanged(String name, String designFile, String layout,
                                            Consumer<ObjectNode> variant, String reportSha256, String chartSha256)
            throws IOException {
        ObjectNode design = ExampleDesigns.tree(designFile);
        variant.accept(design);
        ObjectNode body = MAPPER.createObjectNode();
        body.set("design", design);
        body.set("layout", ExampleLayouts.tree(layout));
        String payload = body.toString();

        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(payload)
                .when().post(PATH).then().statusCode(201).header("Content-Type", "application/json").extract();
        String id = created.path("id");
        byte[] posted = created.asByteArray();
        byte[] fetched = given().when().get(PATH + "/" + id).then().statusCode(200)
                .header("Content-Type", "application/json;charset=UTF-8").extract().asByteArray();
        byte[] chart = given().when().get(PATH + "/" + id + "/chart.svg").then().statusCode(200).extract().asByteArray();

        String key = "golden-" + UUID.randomUUID();
        ExtractableResponse<Response> keyed = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(payload).when().post(PATH).then().statusCode(201).extract();
        byte[] keyedBody = keyed.asByteArray();
        byte[] replayed = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true").extract().asByteArray();

        assertThat(fetched).as("GET gives the POST's bytes").isEqualTo(posted);
        // the service's mapper reads with the fast double parser (config/FastDoubleReading): the same doubles
        assertThat(serviceMapper.isEnabled(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature())).isTrue();
        assertThat(serviceMapper.readTree(posted)).isEqualTo(MAPPER.readTree(posted));
        assertThat(replayed).as("a replay gives the first answer's bytes").isEqualTo(keyedBody);
        String normalised = normalised(posted, id);
        assertThat(normalised(keyedBody, keyed.path("id"))).as("with a key, the same report").isEqualTo(normalised);
        assertThat(Sha256.hex(normalised) + " " + Sha256.hex(chart))
                .as(name + ": SHA-256 of the report JSON and of the chart SVG")
                .isEqualTo(reportSha256 + " " + chartSha256);
    }

    /** The report text with its id and creation time, which differ per evaluation, replaced by fixed text. */
    private static String normalised(byte[] report, String id) {
        String text = new String(report, StandardCharsets.UTF_8);
        assertThat(text).contains("\"id\":\"" + id + "\"").containsPattern("\"createdAt\":\"[^\"]+\"");
        return text.replace(id, "ID").replaceFirst("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"T\"");
    }
}
