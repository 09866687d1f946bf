package io.shieldfab.shielding.fuzz;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shieldfab.design.fuzz.FuzzSeed;
import io.shieldfab.design.fuzz.JsonBodyMutations;
import io.shieldfab.design.fuzz.ProblemCheck;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

import static io.restassured.RestAssured.given;

/**
 * Bad input for the stateless calculations: each request of docs/api (sheet, near-field sheet,
 * aperture, enclosure) with every field replaced by boundary, huge, NaN/Infinity and wrongly typed values,
 * fields dropped, unknown fields, random combinations and truncated text. Every answer is a success or an
 * RFC 9457 problem whose status matches; never a 5xx or a stack trace.
 */
@QuarkusTest
class CalculationsFuzzTest {

    /** One valid body per endpoint (the OpenAPI examples of docs/api/shielding-service.yaml). */
    static final Map<String, String> VALID = Map.of(
            "sheet", "{\"material\": \"NICKEL\", \"thicknessUm\": 25, \"frequencyHz\": 2.45e9}",
            "sheet ", "{\"conductivitySPerM\": 5.8e7, \"relativePermeability\": 1, \"thicknessUm\": 25, \"frequencyHz\": 1e6,"
                    + " \"field\": \"MAGNETIC_NEAR\", \"sourceDistanceMm\": 100}",
            "aperture", "{\"lengthMm\": 0.8, \"count\": 3, \"frequencyHz\": 2.45e9, \"depthMm\": 0.025,"
                    + " \"relativePermittivity\": 3.8}",
            "enclosure", "{\"widthMm\": 300, \"heightMm\": 120, \"depthMm\": 300, \"apertureLengthMm\": 100,"
                    + " \"apertureWidthMm\": 5, \"wallThicknessMm\": 1.5, \"apertureCount\": 1, \"probeDistanceMm\": 150,"
                    + " \"frequencyHz\": 5e8}");

    @Test
    void everyMutatedCalculationRequestGetsAResultOrAProblem() {
        long seed = FuzzSeed.seed();
        SplittableRandom random = new SplittableRandom(seed);
        int requests = 0, problems = 0;
        for (Map.Entry<String, String> endpoint : VALID.entrySet()) {
            String path = "/api/v1/shielding/calculations/" + endpoint.getKey().trim();
            for (String body : JsonBodyMutations.of(endpoint.getValue(), random, 150)) {
                Response response = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                        .when().post(path);
                requests++;
                int status = ProblemCheck.check(response.statusCode(), response.getContentType(), response.asByteArray(),
                        "seed " + seed + ": POST " + path + " " + ProblemCheck.abbreviate(body));
                problems += status >= 400 ? 1 : 0;
            }
        }
        FuzzSeed.report("shielding-service", requests + " calculation requests tried, " + (requests - problems)
                + " 2xx, " + problems + " 4xx problems, 0 server errors", seed);
    }
}
