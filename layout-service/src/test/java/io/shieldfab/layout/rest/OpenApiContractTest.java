package io.shieldfab.layout.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.shieldfab.testsupport.OpenApiContract;

/** The running OpenAPI document against docs/api/layout-service.yaml (the check is {@link OpenApiContract}). */
@QuarkusTest
class OpenApiContractTest extends OpenApiContract {

    OpenApiContractTest() {
        super("layout-service");
    }
}
