package io.shieldfab.recipe.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.shieldfab.testsupport.OpenApiContract;

/** The running OpenAPI document against docs/api/recipe-service.yaml (the check is {@link OpenApiContract}). */
@QuarkusTest
class OpenApiContractTest extends OpenApiContract {

    OpenApiContractTest() {
        super("recipe-service");
    }
}
