package org.chart2claim.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import javax.sql.DataSource;

import org.chart2claim.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default is a file database: users created before a restart are still there after it,
 * and the schema came from Flyway (its history table exists).
 */
class RestartKeepsUsersTest {

    @Test
    void usersSurviveARestartOfTheFileDatabase(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(AccountService.class)
                    .create("kept-user", "Kept", "kept-pass-1", EnumSet.of(Role.STUDENT));
        }
        assertThat(Files.exists(dataDir.resolve("chart2claim.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            AccountService accounts = second.getBean(AccountService.class);
            assertThat(accounts.get("kept-user").getDisplayName()).isEqualTo("Kept");
            JdbcTemplate jdbc = new JdbcTemplate(second.getBean(DataSource.class));
            Integer migrations = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", Integer.class);
            assertThat(migrations).isPositive();
            // Demo accounts are seeded only into an empty database, once.
            assertThat(accounts.findAll()).extracting(UserAccount::getUsername)
                    .containsOnlyOnce("student", "instructor", "admin", "kept-user");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Application.class)
                .web(org.springframework.boot.WebApplicationType.SERVLET)
                // Command-line arguments, as a school would pass them, outrank application.properties.
                .run("--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                        "--chart2claim.demo-password=restart-demo-1",
                        "--spring.main.banner-mode=off", "--server.port=0");
    }
}
