package io.shieldfab.recipe.repository;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version query reads one index entry however many versions a design has (issue 18): H2's plan for
 * {@link RecipeRepository#LATEST_VERSION_SQL} on the service's own schema (its migrations, as the service runs them)
 * uses the (design_name, version) index sorted and scans one row; {@code max(version)} scanned every version.
 * PostgreSQL answers both forms with a backward index-only scan of the same index.
 */
class RecipeRepositoryPlanTest {

    @Test
    void theNewestVersionIsOneIndexEntryAway() throws Exception {
        String url = "jdbc:h2:mem:recipe-plan;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("filesystem:src/main/resources/db/migration", "classpath:db/support").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO recipe (id, design_name, design_revision,"
                    + " version, status, content_hash, created_at, created_by, design_json, recipe_json)"
                    + " VALUES (?, ?, 'A', ?, 'DRAFT', 'h', CURRENT_TIMESTAMP, 'api', '{}', '{}')")) {
                for (int i = 1; i <= 400; i++) {
                    insert.setString(1, "r-" + i);
                    insert.setString(2, i % 2 == 0 ? "wifi-fem-4x6" : "mcu-qfn48-20x25");
                    insert.setInt(3, (i + 1) / 2);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String sql = RecipeRepository.LATEST_VERSION_SQL.replace("?1", "'wifi-fem-4x6'");
            try (Statement s = c.createStatement()) {
                try (ResultSet latest = s.executeQuery(sql)) {
                    assertThat(latest.next()).isTrue();
                    assertThat(latest.getInt(1)).isEqualTo(200);
                }
                try (ResultSet plan = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
                    plan.next();
                    assertThat(plan.getString(1)).contains("UQ_RECIPE_DESIGN_VERSION").contains("scanCount: 1 ")
                            .contains("index sorted");
                }
                try (ResultSet none = s.executeQuery(RecipeRepository.LATEST_VERSION_SQL.replace("?1", "'other'"))) {
                    assertThat(none.next()).isFalse();
                }
            }
        }
    }

    static {
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
