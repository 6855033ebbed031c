package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.chart2claim.account.AccountService;
import org.chart2claim.support.StandaloneApp;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production database: every Flyway migration runs on PostgreSQL and the entities validate against
 * the resulting schema. Runs when {@code CHART2CLAIM_TEST_POSTGRES_URL} names an empty database
 * ({@code .ci/run} starts a throw-away server when it can); skipped otherwise.
 */
class PostgresMigrationsTest {

    @Test
    void theAppStartsOnPostgresWithTheSameMigrations(@TempDir Path dataDir) {
        String url = System.getenv("CHART2CLAIM_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "no PostgreSQL for tests (CHART2CLAIM_TEST_POSTGRES_URL unset)");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .cleanDisabled(false)
                .load()
                .clean();

        try (StandaloneApp app = StandaloneApp.start(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.demo-password=postgres-demo-1")) {
            JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Integer.class))
                    .isPositive();
            assertThat(app.bean(AccountService.class).get("student").getRoles()).isNotEmpty();
        }
    }
}
