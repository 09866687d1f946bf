package io.shieldfab.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract must not drift silently: the running OpenAPI document is compared with the committed
 * snapshot {@code docs/api/<service>.yaml} (docs/architecture.md). Each service's {@code OpenApiContractTest} extends
 * this under {@code @QuarkusTest}. Regenerate after an intended change with
 * {@code ./mvnw -B test -Dopenapi.snapshot.update=true -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public abstract class OpenApiContract {

    private final Path snapshot;

    /** @param service the snapshot's name under docs/api, e.g. {@code layout-service} */
    protected OpenApiContract(String service) {
        this.snapshot = Path.of("..", "docs", "api", service + ".yaml");
    }

    @Test
    void runningContractMatchesSnapshot() throws IOException {
        String actual = given().when().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, actual);
        }
        assertThat(snapshot).as("snapshot %s (regenerate: see class Javadoc)", snapshot).exists();
        assertThat(actual).as("OpenAPI contract differs from %s; if intended, regenerate it", snapshot)
                .isEqualTo(Files.readString(snapshot));
    }
}
