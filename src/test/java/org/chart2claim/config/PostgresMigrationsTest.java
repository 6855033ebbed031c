package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.chart2claim.account.AccountService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.claim.x12.SampleClaims;
import org.chart2claim.payer.ClaimLedger;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerService;
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

            // the payer ledger's JDBC batches (generated keys) and history index queries on PostgreSQL
            PayerService payer = app.bean(PayerService.class);
            List<ParsedClaim> claims = SampleClaims.all().stream()
                    .map(c -> new ParsedClaim(c, List.of()))
                    .toList();
            List<ClaimResult> first =
                    payer.submit("student", "pg", claims, LocalDate.of(2026, 3, 24), null, null, Disclosure.TEACHING);
            List<ClaimResult> again =
                    payer.submit("student", "pg", claims, LocalDate.of(2026, 3, 24), null, null, Disclosure.TEACHING);
            assertThat(first).extracting(ClaimResult::payerClaimNumber).doesNotHaveDuplicates();
            assertThat(again.stream().flatMap(r -> r.lines().stream()).flatMap(l -> l.adjustments().stream()))
                    .as("the second submission's lines are duplicates of the first's")
                    .anySatisfy(a -> assertThat(a.carc()).isEqualTo("18"));

            // a void in the same file as its original: the reversal is stored under an id drawn with the batch, and
            // the original leaves the history index
            ClaimLedger ledger = app.bean(ClaimLedger.class);
            Claim processed = claims.get(first.indexOf(first.stream()
                            .filter(r -> r.status() != ClaimStatus.REJECTED)
                            .findFirst()
                            .orElseThrow()))
                    .claim();
            String number = ClaimLedger.payerClaimNumber(ledger.newIds(1).getFirst() + 1);
            List<ClaimResult> voided = payer.submit(
                    "student",
                    "pg-void",
                    List.of(
                            new ParsedClaim(processed, List.of()),
                            new ParsedClaim(
                                    ClaimBuilder.from(processed)
                                            .frequency(FrequencyCode.VOID, number)
                                            .build(),
                                    List.of())),
                    LocalDate.of(2026, 3, 24),
                    null,
                    null,
                    Disclosure.TEACHING);
            assertThat(voided).extracting(ClaimResult::payerClaimNumber).containsExactly(number, number);
            assertThat(voided.getLast().status()).isEqualTo(ClaimStatus.REVERSED);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM payer_claim_line WHERE ledger = 'pg-void'", Integer.class))
                    .isZero();
        }
    }
}
