package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The recipe API end to end, for every example design. Layout fixtures (src/test/resources/layouts) follow
 * layout-service's metric definitions (LayoutMetrics: plated = pX·pY + 2(a+b)·d − 4n·ℓ·h per site; encapsulant =
 * cavity − package inside it + pathways + the wall space a slot route fills, DepressionGeometry), worked by hand:
 * <ul>
 *   <li>wifi-fem-4x6: a = 5.6, b = 4.6, d = 0.95, 12 troughs 0.057 × 0.057, streets 7 − 5.65 = 6 − 4.65 = 1.35;
 *       plated 42 + 19.38 − 12 · 0.057² (= 0.038988) = 61.341012 × 24 = 1472.184288 mm² (the fixtures leave out
 *       the troughs' side faces that layout-service adds, docs/layout.md); encapsulant 24.472 − 18 + 3 · 0.057² ·
 *       (1.35 + 1.35 + 4 · 0.025) = 6.472 + 0.0272916 = 6.4992916 × 24 = 155.9829984 mm³, dispense × 1.10 =
 *       171.58129824 mm³; cuts 5 × 48 + 7 × 30 = 450 mm; Ni 25 µm at 2 A/dm²: t = 3774.16 s,
 *       I = 2 · 0.1472184288 dm² = 0.2944368576 A; a 0.3 mm bonding ring, centre line 2 · (6.225 + 5.225) = 22.9
 *       mm;</li>
 *   <li>mcu-qfn48-20x25: a = b = 7.8, d = 0.9, recess 7.8 + 2 · 0.03 = 7.86, streets 9 − 7.86 = 1.14, 24 pillar
 *       gaps 0.5 × 0.831; plated 81 + 28.08 − 24 · 0.5 · 0.831 (= 9.972) = 99.108 × 500 = 49554 mm²; encapsulant
 *       54.756 − 7 · 7 · 0.85 (= 41.65) + 6 · 0.5 · 0.831 · (1.14 + 1.14 + 4 · 0.03) = 13.106 + 5.9832 = 19.0892 ×
 *       500 = 9544.6 mm³ (the pillar gaps do not reach the wall space, so it stays empty), dispense × 1.12 =
 *       10689.952 mm³ (10690.0 at the summary's six significant digits);
 *       cuts 21 × 235 + 26 × 190 = 9875 mm; Cu 30 µm at 3 A/dm²: t = 2776.42 s, I = 3 · 4.9554 = 14.8662 A;
 *       a 0.4 mm bonding ring through the land centres (7.86/2 + (4.5 − 0.25/2))/2 = (3.93 + 4.375)/2 = 4.1525 mm
 *       from the site centre: centre line 2 · (8.305 + 8.305) = 33.22 mm;</li>
 *   <li>mmwave-bfic-28g: a = b = 4.9, d = 0.85, recess 4.93, streets 1.07, 16 troughs 0.15 × 0.08; plated 36 +
 *       16.66 − 0.192 = 52.468 × 40 = 2098.72 mm²; encapsulant 20.4085 − 16.2 + 4 · 0.15 · 0.08 · (1.07 + 1.07 +
 *       4 · 0.015) = 4.2085 + 0.1056 = 4.3141 × 40 = 172.564 mm³, dispense × 1.08 = 186.36912 mm³;
 *       cuts 6 × 53 + 9 × 35 = 633 mm; Cu 15 µm at 2 A/dm²: t = 15e-4 · 8.96 · 2 · 96485.33212 / (0.02 · 63.546 ·
 *       0.98) = 2593.5257 / 1.2455016 = 2082.31 s, I = 2 · 0.209872 = 0.419744 A;</li>
 *   <li>mmwave-bfic-28g-coarse-filler: the same with 16 troughs 0.015 × 0.015: plated 52.66 − 16 · 0.015² =
 *       52.6564 × 40 = 2106.256 mm²; encapsulant 4.2085 + 4 · 0.015² · 2.2 = 4.21048 × 40 = 168.4192 mm³;
 *       a 0.2 mm bonding ring through the land centres (2.465 + 2.925)/2 = 2.695 mm from the site centre: centre
 *       line 2 · (5.39 + 5.39) = 21.56 mm.</li>
 * </ul>
 * Singulation time = total / 20 mm/s + cuts · 0.5 s: 450/20 + 6 = 28.5 s; 9875/20 + 23.5 = 517.25 s;
 * 633/20 + 7.5 = 39.15 s.
 */
@QuarkusTest
class RecipeResourceTest {

    @ParameterizedTest
    @CsvSource({
            "wifi-fem-2g4, wifi-fem-4x6, NICKEL, 3774.16, 0.294437, 155.983, 171.581, 450, 28.5, ENCAPSULATION",
            "mcu-pillars, mcu-qfn48-20x25, COPPER, 2776.42, 14.8662, 9544.6, 10690.0, 9875, 517.25, SUPPORT_REMOVAL",
            "mmwave-28g, mmwave-bfic-28g, COPPER, 2082.31, 0.419744, 172.564, 186.36912, 633, 39.15, ENCAPSULATION"})
    void everyExampleCompilesRendersAndIsReleased(String example, String designName, String metal, double durationS,
                                                 double currentA, double netMm3, double dispenseMm3, double cutMm,
                                                 double cutS, String fourthStep) throws Exception {
        ObjectNode body = Inputs.body(example);
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/recipes")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/recipes/[0-9a-f-]{36}"))
                .body("status", equalTo("DRAFT"))
                .body("contentHash", matchesPattern("[0-9a-f]{64}"))
                .body("header.designName", equalTo(designName))
                .body("summary.depositMetal", equalTo(metal))
                .extract();
        String id = created.path("id");
        String hash = created.path("contentHash");
        int version = created.path("version");
        assertThat(created.jsonPath().getDouble("summary.platingDurationS")).isCloseTo(durationS, within(0.01));
        assertThat(created.jsonPath().getDouble("summary.platingCurrentA")).isCloseTo(currentA, within(1e-5));
        assertThat(created.jsonPath().getDouble("summary.encapsulantNetVolumeMm3")).isCloseTo(netMm3, within(1e-3));
        assertThat(created.jsonPath().getDouble("summary.encapsulantVolumeMm3")).isCloseTo(dispenseMm3, within(1e-3));
        assertThat(created.jsonPath().getDouble("summary.totalCutLengthMm")).isCloseTo(cutMm, within(1e-6));
        assertThat(created.jsonPath().getDouble("summary.singulationDurationS")).isCloseTo(cutS, within(1e-6));
        List<String> units = created.jsonPath().getList("unitProcedures.name");
        // the two RF examples are encapsulated on the mandrel (troughs), the MCU after the support is gone
        assertThat(units.get(3)).isEqualTo(fourthStep);
        assertThat(units).last().isEqualTo("SINGULATION");
        assertThat(units).containsSubsequence("ASSEMBLY", "SUPPORT_REMOVAL").doesNotContain("REAR_COVERING");
        assertThat(created.jsonPath().getString("fill.status")).isEqualTo("PASS");

        // HTML traveler by default
        String html = given().when().get("/api/v1/recipes/{id}/traveler", id)
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html).contains("Traveler: " + designName).contains("ELECTROFORMING").contains("Sign-off");

        // PDF from the same template, parsed back with PDFBox
        byte[] pdf = given().accept("application/pdf").when().get("/api/v1/recipes/{id}/traveler", id)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(given().accept("application/pdf").when().get("/api/v1/recipes/{id}/traveler", id)
                .then().statusCode(200).extract().asByteArray()).isEqualTo(pdf);
        // kept for a person to look at (target/ only)
        Files.write(Path.of("target", "traveler-" + example + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            // dated when the recipe was compiled, not when the PDF was rendered: every download is the same file
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse(created.path("lifecycle.createdAt")).truncatedTo(ChronoUnit.SECONDS));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Traveler: " + designName).contains("ELECTROFORMING").contains("SINGULATION")
                    .contains(hash);
        }

        // lifecycle: DRAFT → APPROVED → RELEASED with who (the gateway's X-User), when and an optional comment
        given().header("X-User", "quality.lead").when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("lifecycle.approvedBy", equalTo("quality.lead"))
                .body("lifecycle.approvedAt", matchesPattern("\\d{4}-.*"))
                .body("lifecycle.approvalComment", equalTo(null));
        given().header("X-User", "fab.manager").contentType(ContentType.JSON).body(Map.of("comment", "Released for lot 4711"))
                .when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(200).body("status", equalTo("RELEASED"))
                .body("lifecycle.releasedBy", equalTo("fab.manager"))
                .body("lifecycle.releaseComment", equalTo("Released for lot 4711"))
                .body("lifecycle.approvedBy", equalTo("quality.lead"))
                .body("contentHash", equalTo(hash));

        // a second compile of the same input: same content hash, next version
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(201).body("contentHash", equalTo(hash)).body("version", equalTo(version + 1))
                .body("status", equalTo("DRAFT"));

        // MES export validates against the published schema
        byte[] xml = given().when().get("/api/v1/recipes/{id}/mes", id)
                .then().statusCode(200).contentType(startsWith("application/xml")).extract().asByteArray();
        validateMes(xml);
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("status=\"RELEASED\"").contains("releasedBy=\"fab.manager\"");
    }

    @Test
    void concurrentCompilesOfOneDesignEachGetTheirOwnVersion() throws Exception {
        // Eight clients compile the same (new) design name at once: each read of the latest version sees the same
        // number, the unique (design, version) index lets one insert win, and the others store again with the next
        // number instead of answering 409. All eight are created, with the versions 1 to 8, each once.
        String name = "race-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode design = (ObjectNode) Inputs.design("wifi-fem-2g4").deepCopy();
        design.put("name", name);
        ObjectNode layout = (ObjectNode) Inputs.layout("wifi-fem-2g4").deepCopy();
        layout.put("designName", name);
        ObjectNode body = Inputs.body(design, layout);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> given().contentType(ContentType.JSON).body(body.toString())
                        .when().post("/api/v1/recipes").then().extract()));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> created = answer.get(60, TimeUnit.SECONDS);
                assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
                versions.add(created.path("version"));
            }
            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void approveTwiceAndReleaseADraftAreConflicts() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", startsWith("Recipe " + id + " is DRAFT"));
        given().when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(200).body("lifecycle.approvedBy", equalTo("api"));
        given().when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aReleasedRecipeNeverChangesAndAChangeMakesANewVersion() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().when().post("/api/v1/recipes/{id}/approve", id).then().statusCode(200);
        ExtractableResponse<Response> released = given().when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(200).extract();
        given().when().post("/api/v1/recipes/{id}/approve", id).then().statusCode(409);

        ObjectNode changed = Inputs.wifiWith("shield", "thicknessUm", 30);
        ExtractableResponse<Response> next = given().contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/recipes/{id}", id)
                .then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("header.previousId", equalTo(id)).extract();
        assertThat(next.<String>path("id")).isNotEqualTo(id);
        assertThat(next.<String>path("contentHash")).isNotEqualTo(released.path("contentHash"));
        assertThat(next.<Integer>path("version")).isGreaterThan(released.<Integer>path("version"));
        given().when().get("/api/v1/recipes/{id}", id).then().statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("contentHash", equalTo(released.path("contentHash")));
    }

    @Test
    void aDraftIsChangedInPlace() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().when().post("/api/v1/recipes/{id}/approve", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Inputs.wifiWith("shield", "thicknessUm", 30))
                .when().put("/api/v1/recipes/{id}", id)
                .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("DRAFT"))
                .body("lifecycle.approvedBy", equalTo(null))
                .body("lifecycle.approvalComment", equalTo(null));
    }

    @Test
    void whoApprovesIsTheCallerAndANameInTheBodyIsOnlyAComment() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        // The deprecated body field user is recorded as the comment, never as who approved.
        given().header("X-User", "alice").contentType(ContentType.JSON).body(Map.of("user", "qa.manager@fab"))
                .when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("lifecycle.approvedBy", equalTo("alice"))
                .body("lifecycle.approvalComment", equalTo("qa.manager@fab"));
        given().contentType(ContentType.JSON).body(Map.of("user", "qa.manager@fab", "comment", "qa.manager@fab"))
                .when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(200).body("status", equalTo("RELEASED"))
                .body("lifecycle.releasedBy", equalTo("api"))
                .body("lifecycle.releaseComment", equalTo("qa.manager@fab"));
        given().when().get("/api/v1/recipes/{id}", id).then().statusCode(200)
                .body("lifecycle.approvedBy", equalTo("alice"))
                .body("lifecycle.approvalComment", equalTo("qa.manager@fab"))
                .body("lifecycle.releasedBy", equalTo("api"));
    }

    @Test
    void withoutXUserTheApproverIsApi() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().contentType(ContentType.JSON).body(Map.of("comment", "  Bath log checked  "))
                .when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(200)
                .body("lifecycle.approvedBy", equalTo("api"))
                .body("lifecycle.approvalComment", equalTo("Bath log checked"));
    }

    @Test
    void theLifecycleBodyIsOptionalAndReadAsJsonWhateverItsContentType() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        // an empty JSON body records no comment, as no body at all does
        given().contentType(ContentType.JSON).body("").when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(200).body("lifecycle.approvalComment", equalTo(null));
        given().contentType(ContentType.TEXT).body("{\"comment\": \"Lot 4711\"}")
                .when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(200).body("lifecycle.releaseComment", equalTo("Lot 4711"));
    }

    @ParameterizedTest
    @CsvSource({"comment", "user"})
    void aCommentOver500CharactersIs400NamingItsField(String field) {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().contentType(ContentType.JSON).body(Map.of(field, "x".repeat(501)))
                .when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", contains(field));
        given().when().get("/api/v1/recipes/{id}", id).then().body("status", equalTo("DRAFT"));
        given().contentType(ContentType.JSON).body(Map.of(field, "x".repeat(500)))
                .when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(200).body("lifecycle.approvalComment", equalTo("x".repeat(500)));
    }

    @Test
    void aCommentAndADifferentUserAre400NamingUser() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().contentType(ContentType.JSON).body(Map.of("user", "j.doe", "comment", "Bath log checked"))
                .when().post("/api/v1/recipes/{id}/approve", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("user"))
                .body("violations[0].message", equalTo("is a deprecated alias of comment; send comment only"));
    }

    @Test
    void aCommentThatIsNotTextIs400NamingComment() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().contentType(ContentType.JSON).body("{\"comment\": {\"text\": \"Bath log checked\"}}")
                .when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("comment"));
        given().contentType(ContentType.JSON).body("[\"Bath log checked\"]")
                .when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(400).body("violations.field", contains("$"));
    }

    @Test
    void aMissingLayoutIsA400NamingLayout() {
        given().contentType(ContentType.JSON).body(Inputs.body(Inputs.design("wifi-fem-2g4"), null))
                .when().post("/api/v1/recipes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("layout"));
    }

    @Test
    void layoutFieldErrorsNameTheirPath() {
        ObjectNode body = Inputs.body("wifi-fem-2g4");
        ObjectNode metrics = (ObjectNode) body.get("layout").get("metrics");
        metrics.remove("platedAreaMm2");
        ((ObjectNode) metrics.get("cutList").get("cuts").get(2)).put("lengthMm", -1);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(400)
                .body("violations.field", hasItem("layout.metrics.platedAreaMm2"))
                .body("violations.field", hasItem("layout.metrics.cutList.cuts[2].lengthMm"));
    }

    @Test
    void aLayoutOfAnotherDesignIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Inputs.body(Inputs.design("wifi-fem-2g4"), Inputs.layout("mmwave-28g")))
                .when().post("/api/v1/recipes")
                .then().statusCode(400).body("violations.field", hasItem("layout.siteCount"));
    }

    @Test
    void designViolationsArePrefixedWithDesign() {
        ObjectNode body = Inputs.wifiWith("panel", "rows", 0);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("design.panel.rows"));
    }

    @Test
    void theInvalidExampleGetsEveryViolationUnderDesign() {
        List<String> fields = given().contentType(ContentType.JSON)
                .body(Inputs.body(Inputs.design("invalid-several-mistakes"), Inputs.layout("wifi-fem-2g4")))
                .when().post("/api/v1/recipes")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("violations.field");
        assertThat(fields).hasSizeGreaterThanOrEqualTo(3).allMatch(f -> f.startsWith("design."));
    }

    @Test
    void changingAnUnknownRecipeIs404() {
        given().contentType(ContentType.JSON).body(Inputs.body("wifi-fem-2g4"))
                .when().put("/api/v1/recipes/{id}", "no-such-id")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void slotsEncapsulatedBeforeSupportRemovalAre422FlowPath() {
        // slots through the side walls face the solid rib while the support is in place: no flow path
        ObjectNode body = Inputs.wifiWith("shield", "openings", Map.of("style", "SLOTS", "perWall", 3,
                "lengthMm", 0.15, "heightMm", 0.1));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("FLOW_PATH (claims 13, 15, 16)"))
                .body("detail", containsString("TROUGHS"))
                .body("detail", containsString("AFTER_SUPPORT_REMOVAL"));
    }

    @Test
    void slotsAfterSupportRemovalGetTheRearCoverAndItsRemoval() throws Exception {
        // the same slots with the support removed first open into the wall spaces (claims 13, 15, 18)
        ObjectNode body = Inputs.wifiWith("shield", "openings", Map.of("style", "SLOTS", "perWall", 3,
                "lengthMm", 0.15, "heightMm", 0.1));
        ((ObjectNode) body.get("design").get("encapsulation")).put("stage", "AFTER_SUPPORT_REMOVAL");
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(201)
                .body("steps", contains("MANDREL_PREPARATION", "ELECTROFORMING", "ASSEMBLY", "SUPPORT_REMOVAL",
                        "REAR_COVERING", "ENCAPSULATION", "REAR_COVER_REMOVAL", "SINGULATION"))
                .extract().path("id");
        // the writers enumerate the operations: the new steps reach the MES export (valid) and the traveler
        byte[] xml = given().when().get("/api/v1/recipes/{id}/mes", id).then().statusCode(200).extract()
                .asByteArray();
        validateMes(xml);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("name=\"REAR_COVER_REMOVAL\"");
        String html = given().when().get("/api/v1/recipes/{id}/traveler", id).then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("REAR_COVERING").contains("Peel rear covering layer").contains("Encapsulant fill");
    }

    @Test
    void theCoarseFillerExampleCompilesWithAFailedFillButIsNeverReleased() throws Exception {
        // 16 troughs of 0.015 mm against 3 × 25 µm = 0.075 mm: FILLER_PASSES_OPENING fails; compression moulding
        // feeds every depression (chain 1), so that is the only finding; the recipe is stored so it can be read
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Inputs.body("mmwave-28g-coarse-filler")).when().post("/api/v1/recipes")
                .then().statusCode(201)
                .body("fill.status", equalTo("FAIL"))
                .body("fill.method", equalTo("COMPRESSION_MOLD"))
                .body("fill.longestChainSites", equalTo(1))
                .body("fill.findings.rule", contains("FILLER_PASSES_OPENING"))
                .body("fill.findings[0].field", equalTo("shield.openings.heightMm"))
                .extract();
        assertThat(created.jsonPath().getDouble("fill.minOpeningMm")).isCloseTo(0.075, within(1e-9));
        assertThat(created.jsonPath().getDouble("fill.findings[0].measured")).isCloseTo(0.015, within(1e-9));
        String id = created.path("id");
        given().when().post("/api/v1/recipes/{id}/approve", id).then().statusCode(200);
        given().when().post("/api/v1/recipes/{id}/release", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("FILLER_PASSES_OPENING"))
                .body("detail", containsString("fillerTopCutUm at most 5 µm"));
        given().when().get("/api/v1/recipes/{id}", id).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void theWifiFillPassesWithItsHandFigures() {
        // a gate at every site (gatesPerRow 6 of 6 columns): chain 1, so nothing flows through the 0.057 mm troughs
        // in series and the fill time is 0 s of the allowed 0.5 · 30 = 15 s, no pressure needed; the smallest
        // pathway is limited by the filler alone, 3 · 15 µm = 0.045 mm ≤ 0.057 mm. (One gate a row, chain 6, would
        // take V · N(N − 1) / (2 ΔP G) = 6.4992916e-9 · 30 / (2 · 7e6 · 6.9745007e-17) = 199.685 s: FillInputsTest.)
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Inputs.body("wifi-fem-2g4")).when().post("/api/v1/recipes")
                .then().statusCode(201)
                .body("fill.status", equalTo("PASS"))
                .body("fill.method", equalTo("TRANSFER_MOLD"))
                .body("fill.longestChainSites", equalTo(1))
                .body("fill.findings", org.hamcrest.Matchers.empty())
                .extract();
        assertThat(created.jsonPath().getDouble("fill.fillTimeS")).isZero();
        assertThat(created.jsonPath().getDouble("fill.allowedTimeS")).isCloseTo(15, within(1e-9));
        assertThat(created.jsonPath().getDouble("fill.requiredPressureKPa")).isZero();
        assertThat(created.jsonPath().getDouble("fill.minOpeningMm")).isCloseTo(0.045, within(1e-9));
        assertThat(created.jsonPath().getDouble("fill.fillerTopCutUm")).isCloseTo(15, within(1e-9));
        List<String> ops = created.jsonPath().getList("unitProcedures.find { it.name == 'ENCAPSULATION' }"
                + ".operations.name");
        assertThat(ops).containsExactly("Mould", "Post-mould cure");
        List<String> params = created.jsonPath().getList("unitProcedures.find { it.name == 'ENCAPSULATION' }"
                + ".operations[0].phases[1].parameters.name");
        assertThat(params).contains("transferPressureKPa", "transferTimeS", "gates");
        assertThat(created.jsonPath().getDouble("unitProcedures.find { it.name == 'ENCAPSULATION' }"
                + ".operations[0].phases[1].parameters.find { it.name == 'transferTimeS' }.value")).isZero();
    }

    @Test
    void aBoardPadSmallerThanTheShieldPadIs422Claim10() {
        // Wi-Fi shield pads 0.3 mm (the layout's) on 0.25 mm board pads would overhang them
        ObjectNode body = Inputs.wifiWith("bonding", "boardPadSizeMm", 0.25);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(422).body("rule", equalTo("BOARD_PAD_SIZE (claim 10)"))
                .body("detail", containsString("at least 0.3 mm"));
        // 0.35 mm board pads receive them: BOARD_ATTACH after singulation
        given().contentType(ContentType.JSON).body(Inputs.wifiWith("bonding", "boardPadSizeMm", 0.35))
                .when().post("/api/v1/recipes")
                .then().statusCode(201).body("steps[-1]", equalTo("BOARD_ATTACH"))
                .body("steps[-2]", equalTo("SINGULATION"));
    }

    @Test
    void hollowWallsEncapsulatedBeforeRemovalAre422Claim15() {
        ObjectNode body = Inputs.wifiWith("shield", "hollowWalls", true);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("HOLLOW_WALL_ORDER (claim 15)"))
                .body("detail", containsString("claim 15"));
    }

    @Test
    void steelMandrelWithCopperIs422Claims4To5() {
        ObjectNode body = Inputs.wifiWith("mandrel", "material", "STEEL");
        ((ObjectNode) body.get("design").get("shield")).put("material", "COPPER");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(422)
                .body("rule", equalTo("ADHESION_MATRIX (claims 4-5)"))
                .body("detail", containsString("claims 4-5"))
                .body("type", equalTo("/problems/process-rule"));
    }

    @Test
    void aRecessFarFromThePackageHeightIs422Claim8() {
        // package 0.9 mm: accepted 0.675 … 1.125 mm (±25 %); 0.5 mm is refused
        given().contentType(ContentType.JSON).body(withRecess(0.5))
                .when().post("/api/v1/recipes")
                .then().statusCode(422).body("rule", equalTo("RECESS_DEPTH (claim 8)"));
    }

    @Test
    void aRecessSomewhatOffCompilesWithTheDesignWarning() {
        // 1.05 mm differs from 0.9 mm by 0.15 mm: over the design model's warning threshold (0.09 mm),
        // inside the recipe's ±25 % (1.125 mm)
        given().contentType(ContentType.JSON).body(withRecess(1.05))
                .when().post("/api/v1/recipes")
                .then().statusCode(201)
                .body("warnings", hasItem(startsWith("design.mandrel.recessDepthMm")));
    }

    @Test
    void aCurrentDensityOutsideTheBathWindowIs422() {
        // nickel sulfamate window 0.5–15 A/dm²
        given().contentType(ContentType.JSON).body(Inputs.wifiWith("process", "currentDensityAPerDm2", 20))
                .when().post("/api/v1/recipes")
                .then().statusCode(422).body("rule", equalTo("CURRENT_DENSITY_WINDOW (claims 3, 6)"));
    }

    @Test
    void aKerfWiderThanTheLayoutStreetIs422() {
        ObjectNode body = Inputs.body("wifi-fem-2g4");
        ((ObjectNode) body.get("layout").get("metrics")).put("streetWidthMm", 0.15);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(422).body("rule", equalTo("KERF_WITHIN_STREET (claim 1)"));
    }

    @Test
    void aLayoutWithoutItsStreetIs400NotAStreetDerivedFromTheDesign() {
        ObjectNode body = Inputs.body("wifi-fem-2g4");
        ((ObjectNode) body.get("layout").get("metrics")).remove("streetWidthMm");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(400).body("violations.field", contains("layout.metrics.streetWidthMm"));
    }

    @Test
    void theBondingPadsComeFromTheLayout() {
        ObjectNode body = Inputs.body("wifi-fem-2g4");
        ((ObjectNode) body.get("layout").get("metrics")).remove("bondingPadsPerSite");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(400).body("violations.field", contains("layout.metrics.bondingPadsPerSite"));
        ((ObjectNode) body.get("layout").get("metrics")).put("bondingPadsPerSite", 2);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(400).body("violations.field", contains("layout.metrics.bondingPads"));
        // pads that do not fit on the lands (the 28 GHz example bonds with pads): the layout draws none, and the
        // recipe says so
        ObjectNode none = Inputs.body("mmwave-28g");
        ObjectNode metrics = (ObjectNode) none.get("layout").get("metrics");
        metrics.put("bondingPadsPerSite", 0);
        metrics.putArray("bondingPads");
        given().contentType(ContentType.JSON).body(none).when().post("/api/v1/recipes")
                .then().statusCode(201)
                .body("warnings", hasItem(startsWith("layout.metrics.bondingPadsPerSite")));
        // the Wi-Fi's ring (no pads) is no such warning; a ring the layout does not draw is
        given().contentType(ContentType.JSON).body(Inputs.body("wifi-fem-2g4")).when().post("/api/v1/recipes")
                .then().statusCode(201)
                .body("warnings", org.hamcrest.Matchers.not(hasItem(startsWith("layout.metrics.bonding"))));
        ObjectNode noRing = Inputs.body("wifi-fem-2g4");
        ((ObjectNode) noRing.get("layout").get("metrics")).put("bondingRingLengthMm", 0.0);
        given().contentType(ContentType.JSON).body(noRing).when().post("/api/v1/recipes")
                .then().statusCode(201)
                .body("warnings", hasItem(startsWith("layout.metrics.bondingRingLengthMm")));
    }

    @Test
    void theRingExamplesPrintTheirRingsWithTheHandFigures() {
        // Wi-Fi: 0.3 mm × 22.9 mm = 6.87 mm² a site, × 50 µm = 0.3435 mm³, × 24 = 8.244 mm³ of SAC305 paste;
        // MCU: 0.4 mm × 33.22 mm = 13.288 mm² a site, × 60 µm = 0.79728 mm³, × 500 = 398.64 mm³ of conductive epoxy
        String ringVolume = "unitProcedures.find { it.name == 'ASSEMBLY' }.operations[0].phases[0].parameters"
                + ".find { it.name == '%s' }.value";
        ExtractableResponse<Response> wifi = given().contentType(ContentType.JSON).body(Inputs.body("wifi-fem-2g4"))
                .when().post("/api/v1/recipes").then().statusCode(201).extract();
        assertThat(wifi.jsonPath().getDouble(ringVolume.formatted("ringAreaMm2"))).isCloseTo(6.87, within(1e-9));
        assertThat(wifi.jsonPath().getDouble(ringVolume.formatted("ringVolumeMm3"))).isCloseTo(0.3435, within(1e-9));
        assertThat(wifi.jsonPath().getDouble(ringVolume.formatted("totalVolumeMm3"))).isCloseTo(8.244, within(1e-9));
        ExtractableResponse<Response> mcu = given().contentType(ContentType.JSON).body(Inputs.body("mcu-pillars"))
                .when().post("/api/v1/recipes").then().statusCode(201).extract();
        assertThat(mcu.jsonPath().getDouble(ringVolume.formatted("ringAreaMm2"))).isCloseTo(13.288, within(1e-9));
        assertThat(mcu.jsonPath().getDouble(ringVolume.formatted("ringVolumeMm3"))).isCloseTo(0.79728, within(1e-9));
        assertThat(mcu.jsonPath().getDouble(ringVolume.formatted("totalVolumeMm3"))).isCloseTo(398.64, within(1e-9));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResult() {
        ObjectNode body = Inputs.body("mmwave-28g");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "order-4711").body(body)
                .when().post("/api/v1/recipes").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "order-4711").body(body)
                .when().post("/api/v1/recipes").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        // one recipe was stored, not two: the next compile of this design is version 2
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(201).body("version", equalTo(
                        given().when().get("/api/v1/recipes/{id}", first).then().extract().<Integer>path("version") + 1));
    }

    @Test
    void aKeyRepeatedWithAnotherRequestIs422AndNothingIsCompiled() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Inputs.body("wifi-fem-2g4");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/recipes").then().statusCode(201).extract().path("id");
        int version = given().when().get("/api/v1/recipes/{id}", first).then().extract().path("version");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Inputs.wifiWith("shield", "thicknessUm", 30))
                .when().post("/api/v1/recipes").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("title", equalTo("Idempotency-Key reused"))
                .body("detail", containsString("Idempotency-Key"))
                .body("instance", equalTo("/api/v1/recipes"));
        // The Jackson-bound body still reaches the method after the filter read it: the same request is replayed,
        // and a request without the key compiles the next version (the refused one made none).
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/recipes").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(201).body("version", equalTo(version + 1));
    }

    @Test
    void aReplayedLocationDoesNotCarryTheHostOfAnotherRequest() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Inputs.body("mcu-pillars");
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Host", "attacker.example").body(body)
                .when().post("/api/v1/recipes").then().statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo("http://attacker.example/api/v1/recipes/" + id);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/recipes").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/recipes/" + id));
    }

    @Test
    void unknownRecipeIs404Problem() {
        given().when().get("/api/v1/recipes/{id}", "no-such-id")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No recipe with id 'no-such-id'."));
        given().when().get("/api/v1/recipes/{id}/traveler", "no-such-id").then().statusCode(404);
    }

    @Test
    void aTravelerInAnUnofferedTypeIs406() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        given().accept("image/png").when().get("/api/v1/recipes/{id}/traveler", id)
                .then().statusCode(406).contentType("application/problem+json");
        given().accept("text/html;q=0.5, application/pdf").when().get("/api/v1/recipes/{id}/traveler", id)
                .then().statusCode(200).contentType("application/pdf");
    }

    @Test
    void aDesignWithoutABodyIs400() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/recipes")
                .then().statusCode(400).body("violations.field", hasItem("design"))
                .body("violations.field", hasItem("layout"));
    }

    @Test
    void etagAnswers304WhenUnchanged() {
        String id = create(Inputs.body("wifi-fem-2g4"));
        String etag = given().when().get("/api/v1/recipes/{id}", id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/recipes/{id}", id).then().statusCode(304);
    }

    @Test
    void openApiDocumentsEveryPath() {
        String doc = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(doc).contains("/api/v1/recipes/{id}/traveler").contains("/api/v1/recipes/{id}/mes")
                .contains("/api/v1/recipes/{id}/approve").contains("/api/v1/recipes/calculations/plating")
                .contains("/api/v1/recipes/calculations/fill").contains("FLOW_PATH (claims 13, 15, 16)");
    }

    /**
     * The contract names every operation (verb first, unique across the suite: issue #16), types the bodies and never
     * scans Jackson's JsonNode as a bean: the design is the component Design, the status the enum of {@link
     * io.shieldfab.recipe.Recipe.Status}.
     */
    @Test
    void openApiNamesEveryOperationAndTypesItsBodies() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> ids = new ArrayList<>();
        doc.path("paths").forEach(path -> path.forEach(op -> ids.add(op.path("operationId").asText())));
        assertThat(ids).containsExactlyInAnyOrder("createRecipe", "getRecipe", "updateRecipe", "approveRecipe",
                "releaseRecipe", "getRecipeTraveler", "getRecipeMesExport", "calculatePlating", "calculateFill");
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.has("JsonNode")).isFalse();
        assertThat(schemas.path("Design").path("type").asText()).isEqualTo("object");
        assertThat(schemas.path("CreateRecipeRequest").path("properties").path("design").path("$ref").asText())
                .isEqualTo("#/components/schemas/Design");
        assertThat(schemas.path("RecipeStatus").path("enum")).extracting(JsonNode::asText)
                .containsExactly("DRAFT", "APPROVED", "RELEASED");
        JsonNode approve = doc.path("paths").path("/api/v1/recipes/{id}/approve").path("post");
        assertThat(approve.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/LifecycleRequest");
        JsonNode traveler = doc.path("paths").path("/api/v1/recipes/{id}/traveler").path("get").path("responses")
                .path("200").path("content");
        assertThat(traveler.path("application/pdf").path("schema").path("format").asText()).isEqualTo("binary");
        assertThat(doc.path("info").path("license").path("identifier").asText()).isNotBlank();
    }

    /** The Wi-Fi example with another recess depth, in the design and in its layout as layout-service would give it. */
    private static ObjectNode withRecess(double depthMm) {
        ObjectNode body = Inputs.wifiWith("mandrel", "recessDepthMm", depthMm);
        ((ObjectNode) body.get("layout").get("metrics")).put("recessDepthMm", depthMm);
        return body;
    }

    private static String create(ObjectNode body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(201).extract().path("id");
    }

    private static void validateMes(byte[] xml) throws IOException, SAXException {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(RecipeResourceTest.class.getResource("/mes/shieldfab-recipe-1.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
}
