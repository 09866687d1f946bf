package io.shieldfab.layout.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shieldfab.design.DesignRule;
import io.shieldfab.layout.format.GdsReader;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.shieldfab.layout.geometry.LayoutRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class LayoutResourceTest {

    static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void doubles() {
        // read JSON numbers as doubles so closeTo compares at full precision
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** The docs/design-document.md example; rows/columns/pitch/hollow can be varied. */
    /** The Wi-Fi panel with 3 slots of 0.8 × 0.2 mm a wall; {@code supportRemoved}: they open into the wall space. */
    static String design(int rows, int columns, double pitchXMm, boolean supportRemoved) {
        return """
                {"name": "wifi-fem-4x6", "revision": "A",
                 "package": {"bodyLengthMm": 5.0, "bodyWidthMm": 4.0, "heightMm": 0.9, "operatingFrequencyHz": 2.45e9,
                             "harmonics": 5},
                 "panel": {"rows": %d, "columns": %d, "pitchXMm": %s, "pitchYMm": 6.0, "marginMm": 3.0, "sawKerfMm": 0.2},
                 "shield": {"material": "NICKEL", "thicknessUm": 25, "wallClearanceMm": 0.3,
                            "openings": {"style": "SLOTS", "perWall": 3, "lengthMm": 0.8, "heightMm": 0.2}},
                 "mandrel": {"material": "STAINLESS_STEEL", "recessDepthMm": 0.95},
                 "encapsulation": {"material": "EPOXY_MOLD_COMPOUND", "relativePermittivity": 3.8,
                                   "stage": "%s"},
                 "bonding": {"material": "SAC305"},
                 "requirements": {"minShieldingDb": 30, "apertureRule": "LAMBDA_OVER_20"}}
                """.formatted(rows, columns, pitchXMm, supportRemoved ? "AFTER_SUPPORT_REMOVAL" : "BEFORE_SUPPORT_REMOVAL");
    }

    static String create(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/layouts")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void postReturns201WithLocationAndTheMetrics() {
        // slots into the wall spaces (the support removed first): a route with flow, so no FLOW_PATH warning
        Response r = given().contentType(ContentType.JSON).body(design(4, 6, 7.0, true))
                .when().post("/api/v1/layouts");
        r.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/layouts/"))
                .body("designName", equalTo("wifi-fem-4x6"))
                .body("designRevision", equalTo("A"))
                .body("siteCount", equalTo(24))
                // values worked out in LayoutMetricsTest
                .body("metrics.platedAreaMm2", closeTo(1427.04, 1e-9))
                .body("metrics.cavityVolumeMm3", closeTo(587.328, 1e-9))
                .body("metrics.packageVolumeMm3", closeTo(432.0, 1e-9))
                .body("metrics.encapsulantVolumeMm3", closeTo(515.067, 1e-9))
                .body("metrics.encapsulantVolumePerSiteMm3", closeTo(21.461125, 1e-9))
                .body("metrics.openingVolumeMm3", closeTo(1.152, 1e-9))
                .body("metrics.route", equalTo("SLOTS_INTO_WALL_SPACE"))
                .body("metrics.pathwayCount", equalTo(288))
                .body("metrics.pathwayCrossSectionMm2", closeTo(0.16, 1e-12))
                .body("metrics.pathwayLengthMm", closeTo(0.025, 1e-12))
                .body("metrics.wallSpaceVolumePerSiteMm3", closeTo(14.941125, 1e-9))
                .body("metrics.wallSpaceVolumeMm3", closeTo(358.587, 1e-9))
                .body("metrics.wallSpaceFilled", equalTo(true))
                .body("metrics.packageInRecessVolumeMm3", closeTo(432.0, 1e-9))
                .body("metrics.rearCoverRequired", equalTo(true))
                .body("site.wallSpaceOpen", equalTo(true))
                .body("site.hollowWalls", equalTo(true))
                .body("site.polygonsPerLayer.11", nullValue())
                .body("metrics.openingCount", equalTo(288))
                .body("metrics.openingMaxDimensionMm", closeTo(0.8, 1e-12))
                .body("metrics.wallThicknessUm", closeTo(25.0, 1e-12))
                .body("metrics.cutList.cuts", hasSize(12))
                .body("metrics.cutList.cuts[0].axis", equalTo("X"))
                .body("metrics.cutList.cuts[0].positionMm", closeTo(3.0, 1e-12))
                .body("metrics.cutList.cuts[0].lengthMm", closeTo(48.0, 1e-12))
                .body("metrics.cutList.totalLengthMm", closeTo(450.0, 1e-12))
                .body("panel.streetWidthXMm", closeTo(1.35, 1e-9))
                .body("site.openingsPerSite", equalTo(12))
                .body("createdAt", notNullValue())
                .body("generatorVersion", equalTo("1.1.0"))
                .body("warnings", empty());
        String location = r.header("Location");
        String id = r.path("id");
        given().when().get(location).then().statusCode(200)
                .body("id", equalTo(id))
                .body("metrics.platedAreaMm2", closeTo(1427.04, 1e-9));
        // The gateway bundles the creating answer as layout.json instead of fetching it again: it must be the very
        // document the GET returns, byte for byte, and name the API version (docs/api-guide.md §10).
        byte[] fetched = given().when().get(location).then().statusCode(200).extract().asByteArray();
        assertThat(r.asByteArray()).isEqualTo(fetched);
        assertThat(r.header("ShieldFab-Api-Version")).isEqualTo("1.0.0");
    }

    @Test
    void yamlExampleIsAccepted() throws Exception {
        byte[] yaml = Files.readAllBytes(Path.of("..", "examples", "designs", "mmwave-28g.yaml"));
        given().contentType("application/yaml").body(yaml)
                .when().post("/api/v1/layouts")
                .then().statusCode(201)
                .body("designName", equalTo("mmwave-bfic-28g"))
                // 5 × 8 sites × 4 slots × 4 walls
                .body("metrics.openingCount", equalTo(640));
    }

    @Test
    void theWifiExampleCarriesItsRingAndWouldCarrySeamGapsWithPads() throws Exception {
        String example = Files.readString(Path.of("..", "examples", "designs", "wifi-fem-2g4.json"));
        // as shipped, a 0.3 mm ring: a closed seam, no square pads; layer 7 carries the ring's 4 strips, whose centre
        // line runs through the lands' middles (±3.1125, ±2.6125) mm from the site centre: 2 × (6.225 + 5.225) = 22.9
        given().contentType(ContentType.JSON).body(example)
                .when().post("/api/v1/layouts")
                .then().statusCode(201)
                .body("metrics.bondingPattern", equalTo("RING"))
                .body("metrics.bondingPadsPerSite", equalTo(0))
                .body("metrics.bondingPads", empty())
                .body("metrics.seamGapCount", equalTo(0))
                .body("metrics.seamLongestGapMm", equalTo(0.0))
                .body("metrics.bondingRingLengthMm", closeTo(22.9, 1e-12))
                .body("site.polygonsPerLayer.'7'", equalTo(4));
        // the same with pads (the default pattern): one 0.3 mm pad on each 0.575 mm land, centres (0, ±2.6125) and
        // (±3.1125, 0) mm from the site centre: round each corner 3.1125 + 2.6125 − 0.3 = 5.425 mm of unbonded rim,
        // four times
        String pads = example.replace("\"pattern\": \"RING\", ", "");
        given().contentType(ContentType.JSON).body(pads)
                .when().post("/api/v1/layouts")
                .then().statusCode(201)
                .body("metrics.bondingPattern", equalTo("PADS"))
                .body("metrics.bondingPadsPerSite", equalTo(4))
                .body("metrics.seamGapCount", equalTo(4))
                .body("metrics.seamLongestGapMm", closeTo(5.425, 1e-12))
                .body("metrics.bondingRingLengthMm", equalTo(0.0));
    }

    @Test
    void readerWarningsComeBackInTheLayout() {
        // recess 0.95 mm vs package 0.5 mm: claim 8 says the depth should be about the package height
        String body = design(2, 2, 7.0, false).replace("\"heightMm\": 0.9", "\"heightMm\": 0.5");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/layouts")
                .then().statusCode(201)
                .body("warnings.field", hasItems("mandrel.recessDepthMm"));
    }

    @Test
    void invalidDesignGives400WithEveryViolation() {
        String body = design(0, 6, 7.0, false).replace("\"thicknessUm\": 25,", "").replace("\"NICKEL\"", "\"TIN\"");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/layouts")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("violations.field", hasItems("panel.rows", "shield.thicknessUm", "shield.material"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aStreetTooNarrowForTheKerfGives400AfterSupportRemovalToo() {
        // the wall is one plated thickness in either stage: footprint 5.6 + 2 × 0.025 = 5.65 mm; pitch 5.84 leaves
        // 0.19 mm < kerf 0.2 mm (validation measures the same wall as the layout, so the reader refuses it)
        given().contentType(ContentType.JSON).body(design(2, 2, 5.84, true))
                .when().post("/api/v1/layouts")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItems("panel.sawKerfMm"))
                .body("violations.rule", hasItems(DesignRule.KERF_WITHIN_STREET.code()))
                .body("violations.limit", hasItems(0.19));
    }

    @Test
    void malformedJsonGives400() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/layouts")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("$"));
    }

    @Test
    void unsupportedContentTypeGives415() {
        given().contentType("text/csv").body("a,b")
                .when().post("/api/v1/layouts")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void bodyOverTheLimitGives413() {
        String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        given().contentType(ContentType.JSON).body(big)
                .when().post("/api/v1/layouts")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void bodyOverTheHttpLimitGives413ProblemBeforeReadingIt() {
        // 3 MB is over both our 1 MiB limit and Vert.x's 2 MiB body limit: refused on Content-Length
        byte[] big = new byte[3_000_000];
        Arrays.fill(big, (byte) ' ');
        given().contentType(ContentType.JSON).body(big)
                .when().post("/api/v1/layouts")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("3000000 bytes"));
    }

    @Test
    void aPanelOverAMillionSitesIsRefused() {
        // 1001 × 1000 sites: the design reader's 1..1000 per axis; the service never generates it
        given().contentType(ContentType.JSON).body(design(1001, 1000, 7.0, false))
                .when().post("/api/v1/layouts")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItems("panel.rows"));
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/layouts/{id}/gds"))
                .body("paths.'/api/v1/layouts'.post.responses", hasKey("413"));
    }

    /** Issue #16: named operations, a typed design body, files as binary, headers with schemas, enums. */
    @Test
    void openApiIsWhatClientGeneratorsNeed() {
        String ops = "paths.'/api/v1/layouts";
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(ops + "'.post.operationId", equalTo("createLayout"))
                .body(ops + "/{id}'.get.operationId", equalTo("getLayout"))
                .body(ops + "/{id}/gds'.get.operationId", equalTo("getLayoutGds"))
                .body(ops + "/{id}/dxf'.get.operationId", equalTo("getLayoutDxf"))
                .body(ops + "/{id}/svg'.get.operationId", equalTo("getLayoutSvg"))
                .body(ops + "'.post.requestBody.content.'application/yaml'.schema.$ref", endsWith("/Design"))
                .body(ops + "'.post.responses.'201'.headers.Location.schema.format", equalTo("uri"))
                .body(ops + "/{id}/dxf'.get.responses.'200'.content.'image/vnd.dxf'.schema.format", equalTo("binary"))
                .body(ops + "/{id}/svg'.get.responses.'200'.content.'image/svg+xml'.schema.format", equalTo("binary"))
                .body("components.schemas.Design.additionalProperties", equalTo(false))
                .body("components.schemas.Design.properties.bonding.$ref", endsWith("/DesignBonding"))
                .body("components.schemas.DesignBonding.properties.pattern.enum", hasItems("PADS", "RING"))
                .body("components.schemas.FlowRoute.enum", hasItems("PILLAR_GAPS", "SLOTS_INTO_WALL_SPACE"))
                .body("components.schemas.LayoutMetrics.properties.route.$ref", endsWith("/FlowRoute"))
                .body("info.license.identifier", equalTo("LicenseRef-Proprietary"))
                .body("servers.url", hasItems("/"));
    }

    @Test
    void unknownLayoutGives404() {
        String id = UUID.randomUUID().toString();
        given().when().get("/api/v1/layouts/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString(id));
        given().when().get("/api/v1/layouts/" + id + "/gds").then().statusCode(404).contentType(PROBLEM);
    }

    /**
     * openapi-generator's Python client sends {@code Accept: application/problem+json} on a file download (the type of
     * its error responses): the file comes anyway, a missing one is still a problem; an Accept that names another
     * type the route cannot give is still refused (ProblemOnlyAcceptFilter).
     */
    @Test
    void anAcceptNamingOnlyTheProblemTypeGetsTheFile() {
        String id = create(design(4, 6, 7.0, false));
        given().accept(PROBLEM).when().get("/api/v1/layouts/" + id + "/gds")
                .then().statusCode(200).contentType("application/octet-stream");
        given().accept(PROBLEM).when().get("/api/v1/layouts/" + UUID.randomUUID() + "/gds")
                .then().statusCode(404).contentType(PROBLEM);
        given().accept("text/csv").when().get("/api/v1/layouts/" + id + "/gds").then().statusCode(406);
    }

    @Test
    void gdsIsHierarchicalByDefaultAndFlatOnRequest() {
        String id = create(design(4, 6, 7.0, false));
        Response r = given().when().get("/api/v1/layouts/" + id + "/gds");
        r.then().statusCode(200).contentType("application/octet-stream")
                .header("ETag", notNullValue())
                .header("Content-Disposition", containsString("wifi-fem-4x6-A.gds"));
        GdsReader.Library lib = GdsReader.read(r.asByteArray());
        assertThat(lib.structures()).hasSize(5);
        String etag = r.header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/layouts/" + id + "/gds").then().statusCode(304)
                .header("ETag", etag);
        // same layout, same bytes
        assertThat(given().when().get("/api/v1/layouts/" + id + "/gds").asByteArray()).isEqualTo(r.asByteArray());

        byte[] flat = given().queryParam("flat", true).when().get("/api/v1/layouts/" + id + "/gds")
                .then().statusCode(200).extract().asByteArray();
        var elements = GdsReader.read(flat).structures().values().iterator().next();
        // openings on layer 5: perWall 3 × 4 walls × 24 sites
        assertThat(elements.stream().filter(e -> e.layer() == 5 && e.xy().length > 2)).hasSize(288);
    }

    @Test
    void ifNoneMatchTakesListsWeakTagsAndAStar() {
        // docs/api-guide.md: files answer If-None-Match with 304; RFC 9110 compares weakly, so W/"…" matches too
        String id = create(design(2, 3, 7.0, false));
        String url = "/api/v1/layouts/" + id + "/svg";
        String etag = given().when().get(url).then().statusCode(200).extract().header("ETag");
        for (String ifNoneMatch : new String[]{"\"other\", " + etag, "W/" + etag, "*"}) {
            given().header("If-None-Match", ifNoneMatch).when().get(url).then().statusCode(304).header("ETag", etag);
        }
        given().header("If-None-Match", "\"other\"").when().get(url).then().statusCode(200).header("ETag", etag);
    }

    @Test
    void dxfAndSvg() throws Exception {
        String id = create(design(4, 6, 7.0, false));
        String dxf = given().when().get("/api/v1/layouts/" + id + "/dxf")
                .then().statusCode(200).contentType("image/vnd.dxf").header("ETag", notNullValue())
                .extract().asString();
        assertThat(dxf).startsWith("0\nSECTION\n2\nHEADER\n").endsWith("0\nEOF\n").contains("AC1009");
        byte[] svg = given().when().get("/api/v1/layouts/" + id + "/svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asByteArray();
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void flatFilesOverTheSiteLimitGive422() {
        // %test profile: shieldfab.layout.max-flat-sites=10000; 120 × 100 = 12 000 sites
        String id = create(design(120, 100, 7.0, false));
        given().when().get("/api/v1/layouts/" + id + "/dxf")
                .then().statusCode(422).contentType(PROBLEM).body("rule", equalTo(LayoutRule.FLAT_OUTPUT_SITE_LIMIT.code()));
        given().when().get("/api/v1/layouts/" + id + "/gds").then().statusCode(200);
    }

    @Test
    void idempotencyKeyReplaysTheFirstLayout() {
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(design(2, 3, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(design(2, 3, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/layouts/" + first))
                .body("id", equalTo(first));
    }

    @Test
    void aKeyRepeatedWithAnotherDesignIs422AndTheFirstAnswerStays() {
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(design(2, 3, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(design(2, 4, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(422).contentType(PROBLEM)
                .header("Idempotent-Replayed", nullValue())
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("title", equalTo("Idempotency-Key reused"))
                .body("status", equalTo(422))
                .body("detail", containsString("Idempotency-Key"))
                .body("instance", equalTo("/api/v1/layouts"));
        // The same design as YAML is another request too: the media type is part of the fingerprint.
        given().contentType("application/yaml").header("Idempotency-Key", key)
                .body(design(2, 3, 7.0, false).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/layouts").then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(design(2, 3, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void aReplayedLocationNamesTheHostOfTheRequestItAnswers() {
        String key = UUID.randomUUID().toString();
        Response created = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Host", "attacker.example").body(design(2, 3, 7.0, false))
                .when().post("/api/v1/layouts");
        String first = created.then().statusCode(201).extract().path("id");
        // The first answer goes to the request that sent this Host; it must not be replayed to anyone else.
        assertThat(created.header("Location")).isEqualTo("http://attacker.example/api/v1/layouts/" + first);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(design(2, 3, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/layouts/" + first));
    }
}
