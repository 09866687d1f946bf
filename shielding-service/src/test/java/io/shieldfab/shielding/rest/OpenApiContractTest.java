package io.shieldfab.shielding.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract must not drift silently: the running OpenAPI document is compared with
 * the committed snapshot. Regenerate after an intended change with
 * {@code ./mvnw -B test -Dopenapi.snapshot.update=true -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path SNAPSHOT = Path.of("..", "docs", "api", "shielding-service.yaml");

    @Test
    void runningContractMatchesSnapshot() throws IOException {
        String actual = given().when().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, actual);
        }
        assertThat(SNAPSHOT).as("snapshot %s (regenerate: see class Javadoc)", SNAPSHOT).exists();
        assertThat(actual).as("OpenAPI contract differs from %s; if intended, regenerate it", SNAPSHOT)
                .isEqualTo(Files.readString(SNAPSHOT));
    }
}
