package org.chart2claim.billing.ar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PaymentEntry;
import org.chart2claim.billing.posting.PostedClaim;
import org.chart2claim.billing.posting.PracticeLedger;
import org.chart2claim.billing.posting.RemittancePosting;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI formulas on a ledger computed by hand (today 2026-06-30):
 *
 * <pre>
 * SIM1 A ppo  DOS 06-10 recv 06-17 PAID     99213 150.00 = paid 85.00 + CO-45 35.00 + PR-3 30.00
 * SIM2 B ppo  DOS 04-20 recv 04-27 PARTIAL  99214 200.00 = paid 132.50 + CO-45 37.50 + PR-3 30.00
 *                                           36415  20.00 = CO-97 20.00 (denied, NcciPtpEdit)
 * SIM3 C mcr  DOS 01-15 recv 01-22 DENIED   99214 200.00 = CO-27 200.00 (EligibilityEdit)
 * SIM4 A ppo  DOS 06-01 recv 06-08 REJECTED (front end: no posting)
 * SIM5 A ppo  DOS 05-15 recv 05-29 PAID     20610 300.00 = paid 40.00 + CO-45 100.00 + PR-1 150.00 + PR-2 10.00
 * A pays 50.00 cash on 06-20 (applied to the oldest patient balance: SIM5, 160.00 → 110.00)
 *
 * billed 870.00 · paid 257.50 + 50.00 = 307.50 · adjusted 172.50 · open 390.00 (denials 220.00, patients 170.00)
 * aging: 0-30 30.00 (SIM1 A) · 31-60 110.00 (SIM5 A) · 61-90 50.00 (SIM2 B 30.00 + SIM2 denial 20.00) ·
 *        91-120 0 · 120+ 200.00 (SIM3 denial)
 * days in A/R: charges posted after 04-01: 220 + 300 + 150 = 670.00 → 390 × 90 / 670 = 52.4
 * first pass: 2 clean (SIM1, SIM5) of 5 originals = 40.0 · denial rate: 2 (SIM2, SIM3) of 4 adjudicated = 50.0
 * net collection: 307.50 / (870.00 − 172.50) = 44.1 · days to pay: (7 + 7 + 14) / 3 = 9.3
 * </pre>
 */
class ArCalculatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static ArReport report;

    static Adjustment adj(GroupCode g, String carc, String amount, String edit) {
        return new Adjustment(g, carc, List.of(), new BigDecimal(amount), edit, g + "-" + carc + " explained", null);
    }

    static LineResult line(int n, String code, LocalDate dos, String billed, String paid, Adjustment... adjustments) {
        return new LineResult(
                n,
                code,
                List.of(),
                1,
                dos,
                new BigDecimal(billed),
                BigDecimal.ZERO,
                new BigDecimal(paid),
                List.of(adjustments));
    }

    static final List<LedgerTransaction> TRANSACTIONS = new ArrayList<>();
    static final List<PostedClaim> CLAIMS = new ArrayList<>();

    static void post(
            long id,
            String account,
            String payer,
            ClaimStatus status,
            LocalDate dos,
            LocalDate received,
            LineResult... lines) {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (LineResult l : lines) {
            billed = billed.add(l.billed());
            paid = paid.add(l.paid());
        }
        String number = "SIM" + id;
        ClaimResult result = new ClaimResult(
                "PCN" + id,
                number,
                payer,
                payer,
                "M" + account,
                account,
                "Pat",
                "1",
                "Practice",
                "1",
                status,
                billed,
                paid,
                BigDecimal.ZERO,
                List.of(),
                List.of(lines));
        TRANSACTIONS.addAll(RemittancePosting.post(
                result, new RemittancePosting.Patient(account, "Patient " + account, "M" + account), received));
        CLAIMS.add(new PostedClaim(id, number, payer, account, status.name(), "1", billed, paid, dos, received));
    }

    @BeforeAll
    static void scriptedLedger() {
        LocalDate dos1 = LocalDate.of(2026, 6, 10);
        post(
                1,
                "A",
                "ppo-sim",
                ClaimStatus.PAID,
                dos1,
                LocalDate.of(2026, 6, 17),
                line(
                        1,
                        "99213",
                        dos1,
                        "150.00",
                        "85.00",
                        adj(GroupCode.CO, "45", "35.00", "FeeScheduleEdit"),
                        adj(GroupCode.PR, "3", "30.00", "CostSharingEdit")));
        LocalDate dos2 = LocalDate.of(2026, 4, 20);
        post(
                2,
                "B",
                "ppo-sim",
                ClaimStatus.PARTIAL,
                dos2,
                LocalDate.of(2026, 4, 27),
                line(
                        1,
                        "99214",
                        dos2,
                        "200.00",
                        "132.50",
                        adj(GroupCode.CO, "45", "37.50", "FeeScheduleEdit"),
                        adj(GroupCode.PR, "3", "30.00", "CostSharingEdit")),
                line(2, "36415", dos2, "20.00", "0.00", adj(GroupCode.CO, "97", "20.00", "NcciPtpEdit")));
        LocalDate dos3 = LocalDate.of(2026, 1, 15);
        post(
                3,
                "C",
                "medicare-sim",
                ClaimStatus.DENIED,
                dos3,
                LocalDate.of(2026, 1, 22),
                line(1, "99214", dos3, "200.00", "0.00", adj(GroupCode.CO, "27", "200.00", "EligibilityEdit")));
        CLAIMS.add(new PostedClaim(
                4,
                "SIM4",
                "ppo-sim",
                "A",
                "REJECTED",
                "1",
                new BigDecimal("100.00"),
                BigDecimal.ZERO,
                LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 8)));
        LocalDate dos5 = LocalDate.of(2026, 5, 15);
        post(
                5,
                "A",
                "ppo-sim",
                ClaimStatus.PAID,
                dos5,
                LocalDate.of(2026, 5, 29),
                line(
                        1,
                        "20610",
                        dos5,
                        "300.00",
                        "40.00",
                        adj(GroupCode.CO, "45", "100.00", "FeeScheduleEdit"),
                        adj(GroupCode.PR, "1", "150.00", "CostSharingEdit"),
                        adj(GroupCode.PR, "2", "10.00", "CostSharingEdit")));
        TRANSACTIONS.addAll(new PracticeLedger(TRANSACTIONS)
                .manualPostings(
                        List.of(new PaymentEntry(
                                "A", new BigDecimal("50.00"), "cash", "", false, LocalDate.of(2026, 6, 20))),
                        null,
                        TODAY));
        report = ArCalculator.compute(
                "scripted", TRANSACTIONS, CLAIMS, TODAY, id -> id.equals("ppo-sim") ? "PPO" : "Medicare");
    }

    @Test
    void totalsBalanceBilledEqualsPaidPlusAdjustedPlusOpen() {
        assertThat(report.billed()).isEqualByComparingTo("870.00");
        assertThat(report.paid()).isEqualByComparingTo("307.50");
        assertThat(report.adjusted()).isEqualByComparingTo("172.50");
        assertThat(report.open()).isEqualByComparingTo("390.00");
        assertThat(report.denialOpen()).isEqualByComparingTo("220.00");
        assertThat(report.patientOpen()).isEqualByComparingTo("170.00");
        assertThat(report.insuranceOpen()).isEqualByComparingTo("0");
        assertThat(report.billed())
                .isEqualByComparingTo(report.paid().add(report.adjusted()).add(report.open()));
    }

    @Test
    void agingBucketsByServiceDateWithPatientPaymentsOnTheOldestBalance() {
        assertThat(report.aging())
                .containsExactly(
                        Map.entry("0-30", new BigDecimal("30.00")),
                        Map.entry("31-60", new BigDecimal("110.00")),
                        Map.entry("61-90", new BigDecimal("50.00")),
                        Map.entry("91-120", new BigDecimal("0.00")),
                        Map.entry("120+", new BigDecimal("200.00")));
        assertThat(report.byPatient())
                .extracting(r -> r.key() + " " + r.total() + " " + r.buckets().get("31-60"))
                .containsExactly("A 140.00 110.00", "B 30.00 0.00");
        assertThat(report.byPayer())
                .extracting(r -> r.name() + " " + r.buckets().get("61-90") + " "
                        + r.buckets().get("120+"))
                .containsExactly("Medicare 0.00 200.00", "PPO 20.00 0.00");
        assertThat(AgingBucket.of(30)).isEqualTo(AgingBucket.DAYS_0_30);
        assertThat(AgingBucket.of(31)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(120)).isEqualTo(AgingBucket.DAYS_91_120);
        assertThat(AgingBucket.of(121)).isEqualTo(AgingBucket.OVER_120);
    }

    @Test
    void daysInArFirstPassDenialRateNetCollectionAndDaysToPay() {
        assertThat(report.daysInAR()).isEqualByComparingTo("52.4");
        assertThat(report.firstPassRate()).isEqualByComparingTo("40.0");
        assertThat(report.denialRate()).isEqualByComparingTo("50.0");
        assertThat(report.netCollectionRate()).isEqualByComparingTo("44.1");
        assertThat(report.averageDaysToPay()).isEqualByComparingTo("9.3");
        assertThat(report.counts()).isEqualTo(new ArReport.Counts(5, 2, 4, 2, 3, 1));
        assertThat(report.firstPassByMonth())
                .extracting(m -> m.month() + " " + m.originals() + " " + m.rate())
                .containsExactly("2026-01 1 0.0", "2026-04 1 0.0", "2026-05 1 100.0", "2026-06 2 50.0");
    }

    @Test
    void denialsByCarcAndByEditAndTheTopReasonsWithTheirCost() {
        assertThat(report.topDenials())
                .extracting(d -> d.reason() + " " + d.lines() + " " + d.amount())
                .containsExactly("CO-27 1 200.00", "CO-97 1 20.00");
        assertThat(report.deniedByEdit())
                .extracting(d -> d.reason() + " " + d.amount())
                .containsExactly("EligibilityEdit 200.00", "NcciPtpEdit 20.00");
        assertThat(report.topDenials().getFirst().explanation()).isEqualTo("CO-27 explained");
    }

    @Test
    void anEmptyLedgerHasNoRatesRatherThanDivisionsByZero() {
        ArReport empty = ArCalculator.compute("empty", List.of(), List.of(), TODAY, id -> id);
        assertThat(empty.daysInAR()).isNull();
        assertThat(empty.firstPassRate()).isNull();
        assertThat(empty.denialRate()).isNull();
        assertThat(empty.netCollectionRate()).isNull();
        assertThat(empty.open()).isEqualByComparingTo("0");
    }
}
