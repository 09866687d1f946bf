package io.shieldfab.support.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapper's last resort: an outage of the database is a retryable 503, anything else a 500 with an incident. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aCutDatabaseConnectionIsA503WithRetryAfter() {
        // What Hibernate throws when PostgreSQL's socket was cut mid-transaction (SQLSTATE 08006).
        Response r = mapper.mapUnexpected(new IllegalStateException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")), null);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) r.getEntity()).detail()).doesNotContain("SQLException", "08006", "I/O");
    }

    @Test
    void anyOtherFailureIsA500QuotingAnIncident() {
        Response r = mapper.mapUnexpected(new IllegalStateException("a bug"), null);
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getHeaderString("Retry-After")).isNull();
        assertThat(((Problem) r.getEntity()).detail()).contains("incident").doesNotContain("a bug");
    }
}
