package io.shieldfab.layout.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shieldfab.support.idempotency.IdempotencyStore;
import io.shieldfab.support.idempotency.IdempotentResponses;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The stored answer of a creating POST: it commits and rolls back with the creation (IdempotencyStore), keeps the
 * fingerprint of the bytes the client sent and a path-absolute Location, and an answer stored before V91 (no
 * fingerprint, a Location with another request's host) is still replayed, with this request's host.
 */
@QuarkusTest
class IdempotencyFilterTest {

    private static final String FINGERPRINT = IdempotentResponses.fingerprint("POST", URI.create("/api/v1/layouts"),
            "application/json", "{}".getBytes(StandardCharsets.UTF_8));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotencyStore store;

    @Test
    void answerIsStoredInTheCreatingTransaction() throws SQLException {
        String rolledBack = UUID.randomUUID().toString();
        // The creation fails after the answer was written: neither may remain.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.store(rolledBack, "/api/v1/layouts", FINGERPRINT, "/api/v1/layouts/L-1", "{\"id\":\"L-1\"}");
            throw new IllegalStateException("the database went away before the commit");
        })).hasMessageContaining("went away");
        assertThat(storedAnswers(rolledBack)).isZero();

        String committed = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() ->
                store.store(committed, "/api/v1/layouts", FINGERPRINT, "/api/v1/layouts/L-1", "{\"id\":\"L-1\"}"));
        assertThat(storedAnswers(committed)).isEqualTo(1);
    }

    @Test
    void aPostWithAKeyStoresItsLayoutAndItsAnswerTogether() throws SQLException {
        String key = UUID.randomUUID().toString();
        String id = RestAssured.given().contentType("application/json").header("Idempotency-Key", key)
                .body(LayoutResourceTest.design(2, 3, 7.0, false)).when().post("/api/v1/layouts")
                .then().statusCode(201).extract().path("id");
        assertThat(storedAnswers(key)).isEqualTo(1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT body FROM idempotent_response WHERE idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(mapper.readTree(r.getString(1)).path("id").asText()).isEqualTo(id);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theAnswerIsStoredWithTheFingerprintOfTheBytesTheClientSent() throws SQLException {
        String key = UUID.randomUUID().toString();
        String design = LayoutResourceTest.design(2, 3, 7.0, false);
        RestAssured.given().contentType("application/json").header("Idempotency-Key", key).body(design)
                .when().post("/api/v1/layouts").then().statusCode(201);
        assertThat(storedColumn(key, "request_sha256")).isEqualTo(IdempotentResponses.fingerprint("POST",
                URI.create("/api/v1/layouts"), "application/json", design.getBytes(StandardCharsets.UTF_8)));
        // Stored path-absolute: the Host of the request that got the answer is not kept.
        assertThat(storedColumn(key, "location")).startsWith("/api/v1/layouts/");
    }

    @Test
    void anAnswerStoredBeforeFingerprintsIsReplayedWithTheLocationOfThisRequest() throws SQLException {
        // As V90 stored it: no fingerprint, and a Location with the Host of the request that got it.
        String key = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO idempotent_response (idem_key, request_path, status, "
                     + "location, content_type, body, created_at) VALUES (?, '/api/v1/layouts', 201, ?, 'application/json', "
                     + "'{\"id\":\"L-legacy\"}', CURRENT_TIMESTAMP)")) {
            s.setString(1, key);
            s.setString(2, "http://other-client.example:9999/api/v1/layouts/L-legacy");
            s.executeUpdate();
        }
        RestAssured.given().contentType("application/json").header("Idempotency-Key", key)
                .body(LayoutResourceTest.design(2, 3, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(
                        RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/layouts/L-legacy"))
                .body("id", equalTo("L-legacy"));
    }

    private String storedColumn(String key, String column) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM idempotent_response WHERE idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private long storedAnswers(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM idempotent_response WHERE idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
