package io.shieldfab.recipe.repository;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database deployed before V2 already has V90 (idempotent_response), so V2 (lifecycle comments) arrives below the
 * newest applied version. The service's Flyway settings must apply it rather than refuse to start
 * (docs/operations.md, "Upgrading"); the test suite itself always migrates an empty database in order.
 */
class MigrationUpgradeTest {

    private static final Path MIGRATION_DIR = Path.of("src", "main", "resources", "db", "migration");
    private static final String MIGRATIONS = "filesystem:" + MIGRATION_DIR;
    /** service-support's idempotent_response migrations (V90, V91), which the service lists in quarkus.flyway.locations. */
    private static final String SUPPORT = "classpath:db/support";

    @TempDir
    Path before;

    @Test
    void aDatabaseWithV90GetsV2AndV91WithTheServicesSettings() throws Exception {
        String url = "jdbc:h2:mem:recipe-upgrade;DB_CLOSE_DELAY=-1";
        deployedBeforeV2(url);

        MigrateResult result = flyway(url, outOfOrderSetting()).migrate();

        assertThat(result.migrations).extracting(m -> m.version).containsExactly("2", "91");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeQuery("SELECT approval_comment, release_comment FROM recipe").close();
            s.executeQuery("SELECT request_sha256 FROM idempotent_response").close();
        }
    }

    @Test
    void withoutOutOfOrderFlywayRefusesIt() throws IOException {
        String url = "jdbc:h2:mem:recipe-upgrade-in-order;DB_CLOSE_DELAY=-1";
        deployedBeforeV2(url);
        assertThatThrownBy(() -> flyway(url, false).migrate()).hasMessageContaining("not applied");
    }

    /** V1 and V90, as every recipe database deployed before V2 has them: migrated by the release that had only those. */
    private void deployedBeforeV2(String url) throws IOException {
        Files.copy(MIGRATION_DIR.resolve("V1__recipe.sql"), before.resolve("V1__recipe.sql"));
        try (InputStream v90 = MigrationUpgradeTest.class.getResourceAsStream("/db/support/V90__idempotent_response.sql")) {
            Files.copy(v90, before.resolve("V90__idempotent_response.sql"));
        }
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + before).load().migrate();
        assertThat(Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + before).load().info().applied())
                .extracting(m -> m.getVersion().getVersion()).containsExactly("1", "90");
    }

    private static Flyway flyway(String url, boolean outOfOrder) {
        return Flyway.configure().dataSource(url, "sa", "").locations(MIGRATIONS, SUPPORT).outOfOrder(outOfOrder).load();
    }

    private static boolean outOfOrderSetting() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MigrationUpgradeTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return Boolean.parseBoolean(properties.getProperty("quarkus.flyway.out-of-order"));
    }

    static {
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
