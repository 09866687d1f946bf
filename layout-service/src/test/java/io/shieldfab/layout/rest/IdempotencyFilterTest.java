package io.shieldfab.layout.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored answer of a creating POST commits and rolls back with the creation (see storeWithCreation). */
@QuarkusTest
class IdempotencyFilterTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void answerIsStoredInTheCreatingTransaction() throws SQLException {
        Response created = Response.status(201).type("application/json").entity("{\"id\":\"L-1\"}").build();
        String rolledBack = UUID.randomUUID().toString();
        // The creation fails after the answer was written: neither may remain.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyFilter.storeWithCreation(dataSource, mapper, rolledBack, "/api/v1/layouts", created);
            throw new IllegalStateException("the database went away before the commit");
        })).hasMessageContaining("went away");
        assertThat(storedAnswers(rolledBack)).isZero();

        String committed = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() ->
                IdempotencyFilter.storeWithCreation(dataSource, mapper, committed, "/api/v1/layouts", created));
        assertThat(storedAnswers(committed)).isEqualTo(1);
    }

    @Test
    void aPostWithAKeyStoresItsLayoutAndItsAnswerTogether() throws SQLException {
        String key = UUID.randomUUID().toString();
        String id = io.restassured.RestAssured.given().contentType("application/json").header("Idempotency-Key", key)
                .body(LayoutResourceTest.design(2, 3, 7.0, false)).when().post("/api/v1/layouts")
                .then().statusCode(201).extract().path("id");
        assertThat(storedAnswers(key)).isEqualTo(1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT body FROM idempotent_response WHERE idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(mapper.readTree(r.getString(1)).path("id").asText()).isEqualTo(id);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
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
