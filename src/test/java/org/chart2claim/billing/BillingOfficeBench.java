package org.chart2claim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chart2claim.billing.ar.ArCalculator;
import org.chart2claim.billing.ar.ArReport;
import org.chart2claim.billing.ar.ArService;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PatientAccount;
import org.chart2claim.billing.posting.PostedClaim;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.billing.posting.RemittancePosting;
import org.chart2claim.claim.Claim;
import org.chart2claim.payer.ClaimLedger;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.StoredAnswers;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (tag "bench", excluded from the normal build): 10,000 answered claims of one ledger are posted to the
 * practice ledger and the A/R dashboard is computed, in the shared test context (in-memory H2). Baseline in the same
 * run: only reading the 10,000 stored answers and parsing their JSON (what any posting must do). Also the pure
 * domain (posting arithmetic + KPI formulas over in-memory results, no database). Numbers go to docs/PERFORMANCE.md.
 * Run: {@code ./mvnw test -Pbench -Dtest=BillingOfficeBench}
 */
@Tag("bench")
@IntegrationTest
class BillingOfficeBench {
    static final int CLAIMS = 10_000;
    static final int PATIENTS = 2_000;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Autowired
    ClaimLedger claimLedger;

    @Autowired
    StoredAnswers storedAnswers;

    @Autowired
    PostingService posting;

    @Autowired
    ArService ar;

    @Autowired
    PlatformTransactionManager transactions;

    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    @Test
    void tenThousandClaimsPostedAndTheDashboardComputed() throws IOException {
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String ledger = "bench";
        List<ClaimResult> answers = LargeLedger.answers();
        assertThat(answers).extracting(r -> r.status().name()).contains("PAID", "PARTIAL", "DENIED");

        // setup: store 10,000 answered claims the way the payer does (not timed)
        List<ClaimResult> inMemory = LargeLedger.store(
                claimLedger, new TransactionTemplate(transactions), user, ledger, CLAIMS, PATIENTS, answers);

        List<String> lines = new ArrayList<>();
        // baseline: read the 10,000 stored answers and parse their JSON, nothing posted
        for (int round = 1; round <= 2; round++) {
            long w = System.nanoTime();
            long c = cpu();
            int[] parsed = {0};
            storedAnswers.forEachAfter(user, ledger, 0, r -> {
                org.chart2claim.config.Json.MAPPER.readValue(r.claimJson(), Claim.class);
                org.chart2claim.config.Json.MAPPER.readValue(r.resultJson(), ClaimResult.class);
                parsed[0]++;
                return true;
            });
            assertThat(parsed[0]).isEqualTo(CLAIMS);
            lines.add(line("baseline: read + parse 10,000 stored answers, round " + round, w, c));
        }

        // pure domain: posting arithmetic and KPI formulas over in-memory results
        for (int round = 1; round <= 2; round++) {
            long w = System.nanoTime();
            long c = cpu();
            List<LedgerTransaction> posted = new ArrayList<>();
            List<PostedClaim> claims = new ArrayList<>();
            long id = 0;
            for (ClaimResult r : inMemory) {
                String account = PatientAccount.number(r.patientLastName(), r.patientFirstName(), null);
                posted.addAll(RemittancePosting.post(
                        r,
                        new RemittancePosting.Patient(account, account, r.memberId()),
                        PayerFixtures.DOS.plusDays(7)));
                claims.add(new PostedClaim(
                        ++id,
                        r.payerClaimNumber(),
                        r.payerId(),
                        account,
                        r.status().name(),
                        "1",
                        r.billed(),
                        r.paid(),
                        r.lines().getFirst().serviceDate(),
                        PayerFixtures.DOS.plusDays(7)));
            }
            ArReport report = ArCalculator.compute(ledger, posted, claims, PayerFixtures.DOS.plusDays(30), p -> p);
            assertThat(report.billed())
                    .isEqualByComparingTo(report.paid().add(report.adjusted()).add(report.open()));
            lines.add(line(
                    "domain only: post 10,000 results (" + posted.size() + " transactions) + A/R, round " + round,
                    w,
                    c));
        }

        // the service: post everything the payer answered (read, parse, post, store), then the dashboard
        lines.add(load("before posting"));
        long w = System.nanoTime();
        long c = cpu();
        long goalWall = w;
        long goalCpu = c;
        posting.sync(user, ledger);
        lines.add(line("posting: 10,000 stored answers posted to the ledger (JDBC batches)", w, c));
        ar.report(user, ledger).orElseThrow();
        lines.add(line("GOAL (<= 2 s): the posting above + the first A/R dashboard, together", goalWall, goalCpu));
        int transactionCount = posting.ledger(user, ledger).transactions().size();
        for (int round = 1; round <= 3; round++) {
            w = System.nanoTime();
            c = cpu();
            ArReport report = ar.report(user, ledger).orElseThrow();
            String label = "A/R dashboard: read " + transactionCount + " transactions + 10,000 claims, compute, round "
                    + round;
            lines.add(line(label, w, c));
            assertThat(report.counts().adjudicated()).isEqualTo(CLAIMS);
            assertThat(report.billed())
                    .isEqualByComparingTo(report.paid().add(report.adjusted()).add(report.open()));
        }
        w = System.nanoTime();
        c = cpu();
        String csv = ArService.csv(ar.report(user, ledger).orElseThrow());
        lines.add(line("A/R report + CSV export (" + csv.lines().count() + " rows)", w, c));

        lines.add(load("after the runs"));
        Path results = Path.of("target", "bench-results.txt");
        Files.createDirectories(results.getParent());
        for (String l : lines) {
            System.out.println(l);
            Files.writeString(
                    results,
                    "BillingOfficeBench " + l + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** The machine's load average (1 minute) and cores: wall times mean little on a loaded machine. */
    static String load(String when) {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(
                java.util.Locale.ROOT,
                "machine load %s: %.2f (1-minute average) on %d cores",
                when,
                os.getSystemLoadAverage(),
                os.getAvailableProcessors());
    }

    static String line(String what, long wallStart, long cpuStart) {
        return String.format(
                "%-95s wall %6d ms  cpu %6d ms",
                what, (System.nanoTime() - wallStart) / 1_000_000, (cpu() - cpuStart) / 1_000_000);
    }
}
