package org.chart2claim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
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
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.payer.ClaimLedger;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.PayerClaimRecord;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.PayerService;
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
    PayerService payer;

    @Autowired
    PostingService posting;

    @Autowired
    ArService ar;

    @Autowired
    PlatformTransactionManager transactions;

    /** Four adjudicated templates (paid with deductible, copay, partly denied, denied) varied over patients and dates. */
    static List<Claim> templates() {
        Claim ppo = PayerFixtures.ppoVisit().build();
        List<ServiceLine> twoLines = new java.util.ArrayList<>(ppo.lines());
        twoLines.add(new ServiceLine(
                PayerFixtures.DOS,
                PayerFixtures.DOS,
                "",
                false,
                "99999",
                List.of(),
                List.of(1),
                new BigDecimal("50.00"),
                1,
                ""));
        org.chart2claim.claim.Address address = ppo.patient().address();
        return List.of(
                PayerFixtures.medicareVisit().build(),
                ppo,
                ClaimBuilder.from(ppo).lines(twoLines).build(),
                ClaimBuilder.from(ppo)
                        .insured(new org.chart2claim.claim.Insured(
                                "W700100201",
                                PersonName.of("Tenney", "Harold"),
                                java.time.LocalDate.of(1969, 4, 11),
                                org.chart2claim.claim.Sex.M,
                                address,
                                "",
                                ""))
                        .build());
    }

    static Claim variant(Claim template, int i) {
        LocalDate dos = PayerFixtures.DOS.minusDays(i % 150);
        PersonName name = PersonName.of(
                "Bench" + (i % PATIENTS), template.patient().name().first());
        return ClaimBuilder.from(template)
                .patientControlNumber("B" + i)
                .patient(new Patient(
                        name,
                        template.patient().birthDate(),
                        template.patient().sex(),
                        template.patient().address()))
                .lines(template.lines().stream()
                        .map(l -> new ServiceLine(
                                dos,
                                dos,
                                l.placeOfService(),
                                l.emergency(),
                                l.code(),
                                l.modifiers(),
                                l.pointers(),
                                l.charge(),
                                l.units(),
                                l.renderingNpi()))
                        .toList())
                .build();
    }

    static ClaimResult numbered(ClaimResult r, String number, LocalDate dos) {
        List<LineResult> lines = r.lines().stream()
                .map(l -> new LineResult(
                        l.line(),
                        l.code(),
                        l.modifiers(),
                        l.units(),
                        dos,
                        l.billed(),
                        l.allowed(),
                        l.paid(),
                        l.adjustments()))
                .toList();
        return new ClaimResult(
                r.patientControlNumber(),
                number,
                r.payerId(),
                r.payerName(),
                r.memberId(),
                r.patientLastName(),
                r.patientFirstName(),
                r.billingNpi(),
                r.billingName(),
                r.billingTaxId(),
                r.status(),
                r.billed(),
                r.paid(),
                r.patientResponsibility(),
                r.rejections(),
                lines);
    }

    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    @Test
    void tenThousandClaimsPostedAndTheDashboardComputed() throws IOException {
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String ledger = "bench";
        List<Claim> templates = templates();
        List<ClaimResult> answers =
                templates.stream().map(PayerFixtures::adjudicate).toList();
        assertThat(answers).extracting(r -> r.status().name()).contains("PAID", "PARTIAL", "DENIED");

        // setup: store 10,000 answered claims the way the payer does (not timed)
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<ClaimResult> inMemory = new ArrayList<>(CLAIMS);
        tx.executeWithoutResult(s -> {
            for (int from = 0; from < CLAIMS; from += PayerService.BATCH) {
                List<ClaimLedger.Received> received = new ArrayList<>();
                List<Claim> claims = new ArrayList<>();
                for (int i = from; i < from + PayerService.BATCH; i++) {
                    Claim c = variant(templates.get(i % templates.size()), i);
                    claims.add(c);
                    received.add(new ClaimLedger.Received(c, org.chart2claim.config.Json.MAPPER.writeValueAsString(c)));
                }
                List<Long> ids =
                        claimLedger.storeReceived(user, ledger, null, PayerFixtures.DOS.plusDays(7), null, received);
                List<ClaimResult> results = new ArrayList<>();
                List<String> json = new ArrayList<>();
                for (int k = 0; k < ids.size(); k++) {
                    int i = from + k;
                    ClaimResult r = numbered(
                            answers.get(i % answers.size()),
                            ClaimLedger.payerClaimNumber(ids.get(k)),
                            claims.get(k).firstServiceDate());
                    results.add(r);
                    json.add(org.chart2claim.config.Json.MAPPER.writeValueAsString(r));
                }
                claimLedger.storeResults(user, ledger, ids, claims, results, json);
                inMemory.addAll(results);
            }
        });

        List<String> lines = new ArrayList<>();
        // baseline: read the 10,000 stored answers and parse their JSON, nothing posted
        for (int round = 1; round <= 2; round++) {
            long w = System.nanoTime();
            long c = cpu();
            int parsed = 0;
            for (PayerClaimRecord r : payer.claimsAfter(user, ledger, 0)) {
                org.chart2claim.config.Json.MAPPER.readValue(r.getClaimJson(), Claim.class);
                org.chart2claim.config.Json.MAPPER.readValue(r.getResultJson(), ClaimResult.class);
                parsed++;
            }
            assertThat(parsed).isEqualTo(CLAIMS);
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
        long w = System.nanoTime();
        long c = cpu();
        posting.sync(user, ledger);
        lines.add(line("posting: 10,000 stored answers posted to the ledger (JDBC batches)", w, c));
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

    static String line(String what, long wallStart, long cpuStart) {
        return String.format(
                "%-95s wall %6d ms  cpu %6d ms",
                what, (System.nanoTime() - wallStart) / 1_000_000, (cpu() - cpuStart) / 1_000_000);
    }
}
