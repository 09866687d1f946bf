package io.shieldfab.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shieldfab.testsupport.OpenApiContract;

/** The running OpenAPI document against docs/api/gateway.yaml (the check is {@link OpenApiContract}). */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class OpenApiContractTest extends OpenApiContract {

    OpenApiContractTest() {
        super("gateway");
    }
}
