package io.shieldfab.recipe.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shieldfab.recipe.format.RecipeDocument;
import io.shieldfab.recipe.service.RecipeService;
import io.shieldfab.support.hashing.Sha256;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Byte identity of what a handoff reads (issue 18: the work behind these bodies may get cheaper, the bodies must not
 * change by a byte). The hashes were computed on the code before any of that work. Each example design is compiled
 * through the API; its traveler HTML and PDF and its MES XML are then rendered for a document with a fixed id,
 * version and timestamps, as DRAFT and as RELEASED, and the recipe JSON of POST and GET is hashed with its id,
 * version and timestamp put back to fixed values. The endpoints must serve exactly what the service renders. A PDF
 * carries the time it was rendered (its /CreationDate and the /ID PDFBox derives from the clock), so it differs
 * from render to render; it is compared without those ({@link PdfBytes}).
 */
@QuarkusTest
class ResponseBytesGoldenTest {

    private static final String ID = "00000000-0000-4000-8000-000000000018";
    private static final Instant CREATED = Instant.parse("2026-12-03T10:00:00.123456Z");
    private static final Instant APPROVED = Instant.parse("2026-12-03T11:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-12-03T12:30:00.5Z");

    @Inject
    RecipeService service;

    @ParameterizedTest
    @CsvSource({
            "wifi-fem-2g4, "
                    + "a5aeb8f688874b4449258ceef923d5dba842e5e15804520ad4a664e62331de27, a5aeb8f688874b4449258ceef923d5dba842e5e15804520ad4a664e62331de27, "
                    + "2eba99c86b52d0fb77cf2a601f89e58bcc9648d8d5b5bd496840fc211c85f0b5, 48cb9043fd0d03b7966f6c6bedb9836008558183723dca4ccffc46dfcb540fc9, "
                    + "b6996d2f9a76d4f92feea7c083cc7cdb978e913d349807143a9c3e25e8b25396, 1173ed17824f986483c7cf35b6c7ee8be2f60dbf01a69090a467220ee8496f43, "
                    + "8b82474d8fb5def25d6d4c8fdf61d2750d7e934f92e0aae25f2fa64c8c80ba6f, 8086a976b1a0106d65dbe42b04ac70d33b4e3e18bb34285f14650dbfc7368764",
            "mcu-pillars, "
                    + "f5f086f97f339d9b929cacfcfcec812feb748da6ccdcf67ac26ff23031141178, f5f086f97f339d9b929cacfcfcec812feb748da6ccdcf67ac26ff23031141178, "
                    + "48c1fb931ae2b9206ad5094715c83359f6cbc25a9562b95434a8e498bec56611, ad93c92e350c446d5ec1be4ba665a8cbef55e5ceeefa896d21cd4a907ff7f75f, "
                    + "b77ebc6eb355b0553cdc47373a3d6b3fe4f850662d7b9c66b23183e43d09cc91, b924626f5e28be4ed1f1b47e78dcb44c8457e4c217cd6663ba0e489c1aba8570, "
                    + "cde05c877a63927f4e2e1eb73f36ce076af0204762175d87d03ed60dbb8d2aa6, 7c96c6f84b45a48de032c46a1038937b399cb8d816102a74e629cc007b1eb051",
            "mmwave-28g, "
                    + "dcc9f34412610c40c09515438ca3946011c5add0a2ee3404b9a40e38f83a707b, dcc9f34412610c40c09515438ca3946011c5add0a2ee3404b9a40e38f83a707b, "
                    + "a47f38d9afe52fffb121fd64d23e722ca91917dee2045649dd55918d82e03f17, 0ff6378a734df49f956b79f9d49cb5195cedc58e8bed2472582087031208eb6d, "
                    + "549d7aff71e115fd90a4e66c581633c2656d13ae0844a3defce5faceef4481a3, 01624f262ad5de668cbd239e5ef316494a438817f8659d6dc7c7199ff6951b0c, "
                    + "0ef5c80848812226f6d2a2c3563e72beac9fa6bb6d36aec63aa80df4c32d4cc0, 2d0b09ea5d1f7aad98bc7c1b5d85c5ab320eb10ddd0551d5685f7203ad44d179",
            "mmwave-28g-coarse-filler, "
                    + "d82947ad4c3636a6a221b4a504c8071b62238b574bbcbfee260cd155b142b0c6, d82947ad4c3636a6a221b4a504c8071b62238b574bbcbfee260cd155b142b0c6, "
                    + "2376831f48c116cacdd0eda523ee96efc20de366f3023fa861eb45a2fcb5d936, 3ca5fbe28c978438bf10f8105e9ebe5ff1238195bc124210e20b18254bf241f0, "
                    + "e577af95f51656cc3348bd8f3c477ceb79422e87a57d62160408f118f50e7ac2, ee676b3f6d5334de12b5563d4fd09f6c0e71f47c8b1284445cf53bfd4f86e928, "
                    + "0c43c4d65df0f6b37037b6761600b0b07872fc68f55ac3b62f148d755bf8946d, 4baafd1b88d6849e010bb65bbfac6750c27ff3ca506a1230e90707120e3f4f35"})
    void responseBodiesAreByteForByteTheGoldenOnes(String example, String createdJson, String readJson,
                                                   String draftHtml, String draftPdf, String releasedHtml,
                                                   String releasedPdf, String draftMes, String releasedMes) {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(Inputs.body(example))
                .when().post("/api/v1/recipes").then().statusCode(201).extract();
        String id = created.path("id");
        String createdAt = created.path("lifecycle.createdAt");
        int version = created.path("version");
        byte[] read = given().when().get("/api/v1/recipes/{id}", id).then().statusCode(200).extract().asByteArray();

        RecipeDocument stored = service.document(id).orElseThrow();
        // the endpoints serve what the service renders, byte for byte
        assertThat(given().when().get("/api/v1/recipes/{id}/traveler", id).then().statusCode(200).extract()
                .asByteArray()).isEqualTo(service.travelerHtml(stored).getBytes(StandardCharsets.UTF_8));
        // (the PDF too: its creation date is the recipe's and its /ID comes from the XHTML, not the clock)
        assertThat(given().accept("application/pdf").when().get("/api/v1/recipes/{id}/traveler", id).then()
                .statusCode(200).extract().asByteArray()).isEqualTo(service.travelerPdf(stored));
        assertThat(given().when().get("/api/v1/recipes/{id}/mes", id).then().statusCode(200).extract()
                .asByteArray()).isEqualTo(service.mesXml(stored));

        RecipeDocument draft = new RecipeDocument(ID, 1, "DRAFT", stored.contentHash(), stored.layoutId(), CREATED,
                "api", null, null, null, null, stored.procedure());
        RecipeDocument released = new RecipeDocument(ID, 3, "RELEASED", stored.contentHash(), stored.layoutId(),
                CREATED, "gateway", APPROVED, "quality.lead", RELEASED, "fab.manager", stored.procedure());
        String actual = String.join(", ", example,
                hash(fixed(created.asByteArray(), id, createdAt, version)), hash(fixed(read, id, createdAt, version)),
                hash(service.travelerHtml(draft).getBytes(StandardCharsets.UTF_8)), hash(PdfBytes.withoutRenderTime(service.travelerPdf(draft))),
                hash(service.travelerHtml(released).getBytes(StandardCharsets.UTF_8)),
                hash(PdfBytes.withoutRenderTime(service.travelerPdf(released))), hash(service.mesXml(draft)), hash(service.mesXml(released)));
        assertThat(actual).isEqualTo(String.join(", ", example, createdJson, readJson, draftHtml, draftPdf,
                releasedHtml, releasedPdf, draftMes, releasedMes));
    }

    /** The recipe JSON with this run's id, creation time and version replaced by fixed ones. */
    private static byte[] fixed(byte[] json, String id, String createdAt, int version) {
        String s = new String(json, StandardCharsets.UTF_8);
        assertThat(s).contains("\"version\":" + version + ",");
        // the recipe's version and its header's recipeVersion (other tests may have stored the same design before)
        return s.replace(id, ID).replace(createdAt, CREATED.toString())
                .replaceAll("(\"(?:version|recipeVersion)\"):" + version + "([,}])", "$1:1$2")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String hash(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
