package io.shieldfab.recipe.fuzz;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shieldfab.design.fuzz.FuzzSeed;
import io.shieldfab.design.fuzz.JsonBodyMutations;
import io.shieldfab.design.fuzz.ProblemCheck;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static io.restassured.RestAssured.given;

/**
 * Bad input for the stateless plating calculation: the documented request with every field replaced by boundary,
 * huge, NaN/Infinity and wrongly typed values, fields dropped, unknown fields, random combinations and truncated
 * text. Every answer is a success or an RFC 9457 problem whose status matches (docs/api-guide.md, "Errors").
 */
@QuarkusTest
class PlatingCalculationFuzzTest {

    /** The OpenAPI example of docs/api/recipe-service.yaml. */
    static final String VALID = "{\"metal\": \"NICKEL\", \"thicknessUm\": 25, \"currentDensityAPerDm2\": 2.0,"
            + " \"areaMm2\": 1427.04, \"efficiency\": 0.95}";

    @Test
    void everyMutatedPlatingRequestGetsAResultOrAProblem() {
        long seed = FuzzSeed.seed();
        int requests = 0, problems = 0;
        for (String body : JsonBodyMutations.of(VALID, new SplittableRandom(seed), 300)) {
            Response response = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/recipes/calculations/plating");
            requests++;
            int status = ProblemCheck.check(response.statusCode(), response.getContentType(), response.asByteArray(),
                    "seed " + seed + ": " + ProblemCheck.abbreviate(body));
            problems += status >= 400 ? 1 : 0;
        }
        FuzzSeed.report("recipe-service", requests + " plating requests tried, " + (requests - problems) + " 2xx, "
                + problems + " 4xx problems, 0 server errors", seed);
    }
}
