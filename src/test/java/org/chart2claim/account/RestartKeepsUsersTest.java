package org.chart2claim.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javax.sql.DataSource;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default is a file database: users created before a restart are still there after it,
 * and the schema came from Flyway (its history table exists).
 */
class RestartKeepsUsersTest {

    @Test
    void usersSurviveARestartOfTheFileDatabase(@TempDir Path dataDir) {
        try (StandaloneApp first = start(dataDir)) {
            // as an administrator's login would, wait for the first accounts (a background start step)
            first.bean(DemoAccountsSeeder.class).ensureStarted();
            first.bean(AccountService.class).create("kept-user", "Kept", "kept-pass-1", EnumSet.of(Role.STUDENT));
        }
        assertThat(Files.exists(dataDir.resolve("chart2claim.mv.db"))).isTrue();

        try (StandaloneApp second = start(dataDir)) {
            AccountService accounts = second.bean(AccountService.class);
            assertThat(accounts.get("kept-user").getDisplayName()).isEqualTo("Kept");
            JdbcTemplate jdbc = new JdbcTemplate(second.bean(DataSource.class));
            Integer migrations = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", Integer.class);
            assertThat(migrations).isPositive();
            // Demo accounts are seeded only into an empty database, once.
            assertThat(accounts.findAll())
                    .extracting(UserAccount::getUsername)
                    .containsOnlyOnce("student", "instructor", "admin", "kept-user");
        }
    }

    private static StandaloneApp start(Path dataDir) {
        return StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(), "--chart2claim.demo-password=restart-demo-1");
    }
}
