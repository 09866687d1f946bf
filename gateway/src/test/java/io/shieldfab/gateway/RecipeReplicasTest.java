package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two recipe-service replicas as the launcher configures them ({@code bin/shieldfab up --recipe-replicas 2}: the
 * recipe client at {@code stork://recipe}, a static list of both; docs/operations.md, "Scaling"): the handoffs' recipe
 * calls go to both, and every handoff still succeeds.
 */
@QuarkusTest
@QuarkusTestResource(value = RecipeReplicasTest.TwoRecipeReplicas.class, restrictToAnnotatedClass = true)
class RecipeReplicasTest {

    /** layout, shielding and the first recipe-service on one WireMock server, the second recipe-service on another. */
    public static class TwoRecipeReplicas implements QuarkusTestResourceLifecycleManager {
        static WireMockServer first;
        static WireMockServer second;

        @Override
        public Map<String, String> start() {
            first = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            second = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            first.start();
            second.start();
            String url = "http://127.0.0.1:" + first.port();
            return Map.of(
                    "shieldfab.services.layout", url,
                    "shieldfab.services.shielding", url,
                    "shieldfab.services.recipe", url,
                    "quarkus.rest-client.recipe-client.url", "stork://recipe",
                    "quarkus.stork.recipe.service-discovery.type", "static",
                    "quarkus.stork.recipe.service-discovery.address-list",
                    "127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port());
        }

        @Override
        public void stop() {
            for (WireMockServer server : new WireMockServer[]{first, second}) {
                if (server != null) {
                    server.stop();
                }
            }
        }
    }

    @Test
    void theRecipeCallsOfHandoffsGoToBothReplicasAndEveryHandoffSucceeds() throws Exception {
        HandoffStubs.allOk(TwoRecipeReplicas.first);
        HandoffStubs.recipeOk(TwoRecipeReplicas.second);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(HandoffTest.submit(HandoffTest.wifi()).then().statusCode(202).extract().jsonPath().getString("id"));
        }
        for (String id : ids) {
            JsonPath done = HandoffTest.awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);
            assertThat(done.getString("status")).as("handoff %s", id).isEqualTo("SUCCEEDED");
        }

        // Each handoff makes three recipe calls (the compile, the traveler as HTML and as PDF): twelve in all, taken
        // in turn, so each replica gets six — unless a handoff repeats a call, which only adds to one of them.
        int onFirst = TwoRecipeReplicas.first.findAll(anyRequestedFor(urlPathMatching("/api/v1/recipes.*"))).size();
        int onSecond = TwoRecipeReplicas.second.findAll(anyRequestedFor(urlPathMatching("/api/v1/recipes.*"))).size();
        assertThat(onFirst + onSecond).isGreaterThanOrEqualTo(12);
        assertThat(onFirst).isGreaterThanOrEqualTo(4);
        assertThat(onSecond).isGreaterThanOrEqualTo(4);
        int compiles = TwoRecipeReplicas.first.findAll(postRequestedFor(urlEqualTo("/api/v1/recipes"))).size()
                + TwoRecipeReplicas.second.findAll(postRequestedFor(urlEqualTo("/api/v1/recipes"))).size();
        assertThat(compiles).isEqualTo(4);
        // layout and shielding are not balanced: all of theirs went to the one address they have
        assertThat(TwoRecipeReplicas.second.findAll(anyRequestedFor(urlPathMatching("/api/v1/(layouts|shielding).*"))))
                .isEmpty();
    }
}
