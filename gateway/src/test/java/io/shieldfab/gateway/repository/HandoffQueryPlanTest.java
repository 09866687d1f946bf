package io.shieldfab.gateway.repository;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries every handoff runs read neither the finished handoffs nor, for the workers' poll, the whole queue
 * (docs/benchmarks.md, "Handoff cost"): H2's plans on the gateway's own schema (its migrations, as the gateway runs
 * them) with 2,000 finished handoffs and a queue of 100. The poll reads its index in order and stops after the 16
 * rows it asks for (a scan count of 16); the counts on submission read the open rows once (101: the 100 and the end
 * of the range). The SQL is what Hibernate makes of {@link HandoffRepository#due} and
 * {@link HandoffRepository#countOpenOfAllAnd}.
 */
class HandoffQueryPlanTest {

    static final String URL = "jdbc:h2:mem:handoff-plan;DB_CLOSE_DELAY=-1";
    static final String LEASE_FREE = " AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)";

    @BeforeAll
    static void tableWithHistory() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("filesystem:src/main/resources/db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO handoff (id, owner_key_hash, design_name, status,"
                     + " created_at, updated_at, design_json, attempts, next_attempt_at, webhook_attempts, webhook_state,"
                     + " webhook_next_at) VALUES (?, ?, 'wifi', ?, ?, ?, '{}', 0, ?, 0, ?, ?)")) {
            for (int i = 0; i < 2100; i++) {
                boolean open = i >= 2000;
                Timestamp at = new Timestamp(1_700_000_000_000L + i * 1000L);
                insert.setString(1, "h-" + i);
                insert.setString(2, "key-" + (i % 2));
                insert.setString(3, open ? "QUEUED" : "SUCCEEDED");
                insert.setTimestamp(4, at);
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.setString(7, i == 1999 ? "PENDING" : open ? null : "DELIVERED");
                insert.setTimestamp(8, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Test
    void dueStepsAreReadFromTheWorkIndexInItsOrder() throws Exception {
        assertThat(plan("SELECT id, next_attempt_at FROM handoff WHERE status = 'QUEUED'"
                + " AND next_attempt_at <= CURRENT_TIMESTAMP" + LEASE_FREE + " ORDER BY status, next_attempt_at FETCH FIRST 16 ROWS ONLY"))
                .contains("HANDOFF_WORK_IDX").contains("index sorted").contains("scanCount: 16 ");
    }

    @Test
    void orderingTheQueueByCreationTimeWouldReadAllOfIt() throws Exception {
        // The form due() had before: every open handoff read and sorted on each poll.
        assertThat(plan("SELECT id, created_at FROM handoff WHERE status IN ('QUEUED', 'RUNNING')"
                + " AND next_attempt_at <= CURRENT_TIMESTAMP" + LEASE_FREE + " ORDER BY created_at, id FETCH FIRST 16 ROWS ONLY"))
                .contains("scanCount: 101 ");
    }

    @Test
    void dueWebhooksAreReadFromTheWebhookIndex() throws Exception {
        assertThat(plan("SELECT id, webhook_next_at FROM handoff WHERE webhook_state = 'PENDING'"
                + " AND webhook_next_at <= CURRENT_TIMESTAMP" + LEASE_FREE + " ORDER BY webhook_state, webhook_next_at FETCH FIRST 16 ROWS ONLY"))
                .contains("HANDOFF_WEBHOOK_IDX").contains("index sorted").contains("scanCount: 2 ");
    }

    @Test
    void openHandoffsOfAllAndOfOneKeyAreCountedInOnePassOverTheStatusOwnerIndex() throws Exception {
        assertThat(plan("SELECT COUNT(*), COALESCE(SUM(CASE WHEN owner_key_hash = 'key-1' THEN 1 ELSE 0 END), 0)"
                + " FROM handoff WHERE status IN ('QUEUED', 'RUNNING')"))
                .contains("HANDOFF_STATUS_OWNER_IDX").contains("scanCount: 101 ");
    }

    @Test
    void bothKindsOfWorkInOneQueryWouldReadEveryHandoff() throws Exception {
        // The form due() had before: an OR across the two kinds of work leaves H2 no index to use.
        assertThat(plan("SELECT id FROM handoff WHERE ((status IN ('QUEUED', 'RUNNING') AND next_attempt_at <= CURRENT_TIMESTAMP)"
                + " OR (webhook_state = 'PENDING' AND webhook_next_at <= CURRENT_TIMESTAMP))" + LEASE_FREE
                + " ORDER BY created_at, id FETCH FIRST 16 ROWS ONLY"))
                .contains("tableScan").contains("scanCount: 2101 ");
    }

    private static String plan(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
            plan.next();
            return plan.getString(1);
        }
    }
}
