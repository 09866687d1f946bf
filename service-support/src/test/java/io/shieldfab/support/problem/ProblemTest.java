package io.shieldfab.support.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are a database outage (503, retry) rather than a fault (500, incident). */
class ProblemTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreAnOutage() {
        // PostgreSQL JDBC: 08006 connection failure (I/O error on a cut socket), 08001 cannot connect,
        // 57P01 terminated by pg_terminate_backend, 55000 "database ... is not currently accepting connections".
        for (String state : new String[] {"08006", "08001", "08003", "57P01", "57P03", "55000"}) {
            Exception wrapped = new IllegalStateException("persist failed",
                    new RuntimeException("JDBC", new SQLException("gone", state)));
            assertThat(Problem.isDatabaseUnavailable(wrapped)).as(state).isTrue();
        }
        // The pool's acquisition timeout.
        assertThat(Problem.isDatabaseUnavailable(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(Problem.isDatabaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Problem.isDatabaseUnavailable(new SQLException("no state"))).isFalse();
        assertThat(Problem.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(Problem.isDatabaseUnavailable(new UncheckedIOException(new IOException("disk")))).isFalse();
        assertThat(Problem.isDatabaseUnavailable(null)).isFalse();
    }

    @Test
    void theOutageProblemIsA503WithATypeAndARetryHint() {
        Problem p = Problem.databaseUnavailable();
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.type()).isEqualTo("/problems/service-unavailable");
        assertThat(p.detail()).contains("Retry after 5 s");
    }
}
