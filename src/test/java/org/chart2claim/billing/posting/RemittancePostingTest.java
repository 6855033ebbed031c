package org.chart2claim.billing.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimReversal;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;
import org.junit.jupiter.api.Test;

class RemittancePostingTest {
    static final LocalDate DOS = LocalDate.of(2026, 3, 2);
    static final LocalDate REMIT = LocalDate.of(2026, 3, 9);
    static final RemittancePosting.Patient GREENLEAF =
            new RemittancePosting.Patient("GREENLEAF-VANESSA-19831214", "Greenleaf, Vanessa", "W514476320");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Adjustment adj(GroupCode g, String carc, String amount) {
        return new Adjustment(g, carc, List.of(), d(amount), "TestEdit", "explained " + g + "-" + carc, null);
    }

    static LineResult line(int n, String code, String billed, String allowed, String paid, Adjustment... adjustments) {
        return new LineResult(n, code, List.of(), 1, DOS, d(billed), d(allowed), d(paid), List.of(adjustments));
    }

    static ClaimResult claim(String number, ClaimStatus status, LineResult... lines) {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal pr = BigDecimal.ZERO;
        for (LineResult l : lines) {
            billed = billed.add(l.billed());
            paid = paid.add(l.paid());
            pr = pr.add(l.patientResponsibility());
        }
        return new ClaimResult(
                "PCN1",
                number,
                "ppo-sim",
                "Blue Horizon PPO (simulated)",
                "W514476320",
                "Greenleaf",
                "Vanessa",
                "1234567893",
                "Practice",
                "123456789",
                status,
                billed,
                paid,
                pr,
                List.of(),
                List.of(lines));
    }

    static BigDecimal sum(List<LedgerTransaction> ts, TransactionType type) {
        return ts.stream()
                .filter(t -> t.type() == type)
                .map(LedgerTransaction::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void eachLineBecomesChargePaymentContractualCopayAndDenialThatBalanceToTheCent() {
        ClaimResult result = claim(
                "SIM00000001",
                ClaimStatus.PARTIAL,
                line(
                        1,
                        "99213",
                        "150.00",
                        "115.00",
                        "85.00",
                        adj(GroupCode.CO, "45", "35.00"),
                        adj(GroupCode.PR, "3", "30.00")),
                line(2, "36415", "20.00", "0.00", "0.00", adj(GroupCode.CO, "97", "20.00")));

        List<LedgerTransaction> posted = RemittancePosting.post(result, GREENLEAF, REMIT);

        assertThat(posted)
                .extracting(t -> t.line() + " " + t.type() + " " + t.amount() + " " + t.label())
                .containsExactly(
                        "1 CHARGE 150.00 ",
                        "1 INSURANCE_PAYMENT 85.00 ",
                        "1 CONTRACTUAL_ADJUSTMENT 35.00 CO-45",
                        "1 COPAY 30.00 PR-3",
                        "2 CHARGE 20.00 ",
                        "2 DENIAL 20.00 CO-97");
        PracticeLedger ledger = new PracticeLedger(posted);
        PracticeLedger.AccountBalance account =
                ledger.account(GREENLEAF.account()).orElseThrow();
        assertThat(account.insurance()).isEqualByComparingTo("0");
        assertThat(account.patientBalance()).isEqualByComparingTo("30.00");
        assertThat(account.denial()).isEqualByComparingTo("20.00");
        assertThat(account.firstRemittance()).isEqualTo(REMIT);
        // billed = paid + written off + open balance (patient + worklist)
        assertThat(sum(posted, TransactionType.CHARGE))
                .isEqualByComparingTo(sum(posted, TransactionType.INSURANCE_PAYMENT)
                        .add(sum(posted, TransactionType.CONTRACTUAL_ADJUSTMENT))
                        .add(account.patientBalance())
                        .add(account.denial()));
        assertThat(posted).allSatisfy(t -> {
            assertThat(t.serviceDate()).isEqualTo(DOS);
            assertThat(t.postedOn()).isEqualTo(REMIT);
            assertThat(t.claimNumber()).isEqualTo("SIM00000001");
        });
    }

    @Test
    void aDeductibleSpanningTwoClaimsGoesToThePatientOnBoth() {
        // Medicare-like: 283.00 deductible. Claim 1 allowed 200.00: all of it is deductible (83.00 still open).
        ClaimResult first = claim(
                "SIM00000001",
                ClaimStatus.PARTIAL,
                line(
                        1,
                        "99214",
                        "260.00",
                        "200.00",
                        "0.00",
                        adj(GroupCode.CO, "45", "60.00"),
                        adj(GroupCode.PR, "1", "200.00")));
        // Claim 2 allowed 300.00: 83.00 deductible, 20% coinsurance of the other 217.00 = 43.40, paid 173.60.
        ClaimResult second = claim(
                "SIM00000002",
                ClaimStatus.PAID,
                line(
                        1,
                        "20610",
                        "400.00",
                        "300.00",
                        "173.60",
                        adj(GroupCode.CO, "45", "100.00"),
                        adj(GroupCode.PR, "1", "83.00"),
                        adj(GroupCode.PR, "2", "43.40")));
        List<LedgerTransaction> all = new ArrayList<>(RemittancePosting.post(first, GREENLEAF, REMIT));
        all.addAll(RemittancePosting.post(second, GREENLEAF, REMIT.plusDays(10)));

        assertThat(sum(all, TransactionType.DEDUCTIBLE)).isEqualByComparingTo("283.00");
        assertThat(sum(all, TransactionType.COINSURANCE)).isEqualByComparingTo("43.40");
        PracticeLedger.AccountBalance account =
                new PracticeLedger(all).account(GREENLEAF.account()).orElseThrow();
        assertThat(account.patientBalance()).isEqualByComparingTo("326.40");
        assertThat(account.insurance()).isEqualByComparingTo("0");
        assertThat(account.firstRemittance()).isEqualTo(REMIT);
    }

    @Test
    void aReplacementReversesTheOriginalsPostingAndPostsItsOwn() {
        ClaimResult original = claim(
                "SIM00000001",
                ClaimStatus.PARTIAL,
                line(1, "99215", "300.00", "0.00", "0.00", adj(GroupCode.CO, "150", "300.00")));
        ClaimResult replacement = claim(
                "SIM00000002",
                ClaimStatus.PAID,
                line(
                        1,
                        "99214",
                        "260.00",
                        "162.50",
                        "132.50",
                        adj(GroupCode.CO, "45", "97.50"),
                        adj(GroupCode.PR, "3", "30.00")));
        List<LedgerTransaction> all = new ArrayList<>(RemittancePosting.post(original, GREENLEAF, REMIT));
        List<LedgerTransaction> reversal =
                RemittancePosting.post(ClaimReversal.of(original), GREENLEAF, REMIT.plusDays(20));
        all.addAll(reversal);
        all.addAll(RemittancePosting.post(replacement, GREENLEAF, REMIT.plusDays(20)));

        assertThat(reversal)
                .extracting(t -> t.type() + " " + t.amount())
                .containsExactly("CHARGE -300.00", "DENIAL -300.00");
        assertThat(reversal).allSatisfy(t -> assertThat(t.note()).startsWith("Revers"));
        for (TransactionType type : TransactionType.values()) {
            BigDecimal ofOriginal = all.stream()
                    .filter(t -> t.claimNumber().equals("SIM00000001") && t.type() == type)
                    .map(LedgerTransaction::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(ofOriginal).as(type.name()).isEqualByComparingTo("0");
        }
        PracticeLedger.AccountBalance account =
                new PracticeLedger(all).account(GREENLEAF.account()).orElseThrow();
        assertThat(account.denial()).isEqualByComparingTo("0");
        assertThat(account.patientBalance()).isEqualByComparingTo("30.00");
        assertThat(account.insurance()).isEqualByComparingTo("0");
    }

    @Test
    void anUnbalancedRemittanceIsRefusedWithTheDifferenceAndARejectedClaimPostsNothing() {
        ClaimResult unbalanced = claim(
                "SIM00000003",
                ClaimStatus.PAID,
                line(
                        1,
                        "99213",
                        "150.00",
                        "115.00",
                        "85.00",
                        adj(GroupCode.CO, "45", "35.00"),
                        adj(GroupCode.PR, "3", "29.99")));
        assertThatThrownBy(() -> RemittancePosting.post(unbalanced, GREENLEAF, REMIT))
                .isInstanceOf(UnbalancedPostingException.class)
                .hasMessageContaining("line 1 does not balance")
                .hasMessageContaining("difference 0.01")
                .satisfies(e -> assertThat(((UnbalancedPostingException) e).difference())
                        .isEqualByComparingTo("0.01"));

        ClaimResult rejected = new ClaimResult(
                "PCN1",
                "SIM00000004",
                "ppo-sim",
                "PPO",
                "W1",
                "A",
                "B",
                "1",
                "P",
                "1",
                ClaimStatus.REJECTED,
                d("100"),
                d("0"),
                d("0"),
                List.of(),
                List.of());
        assertThat(RemittancePosting.post(rejected, GREENLEAF, REMIT)).isEmpty();
    }

    @Test
    void casGroupsAndReasonsMapToTransactions() {
        assertThat(RemittancePosting.typeOf(adj(GroupCode.CO, "45", "1")))
                .isEqualTo(TransactionType.CONTRACTUAL_ADJUSTMENT);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.CO, "253", "1")))
                .isEqualTo(TransactionType.CONTRACTUAL_ADJUSTMENT);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.CO, "27", "1"))).isEqualTo(TransactionType.DENIAL);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.PR, "1", "1"))).isEqualTo(TransactionType.DEDUCTIBLE);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.PR, "2", "1"))).isEqualTo(TransactionType.COINSURANCE);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.PR, "3", "1"))).isEqualTo(TransactionType.COPAY);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.PR, "204", "1")))
                .isEqualTo(TransactionType.PATIENT_RESPONSIBILITY);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.OA, "23", "1"))).isEqualTo(TransactionType.OTHER_ADJUSTMENT);
        assertThat(RemittancePosting.typeOf(adj(GroupCode.PI, "45", "1"))).isEqualTo(TransactionType.OTHER_ADJUSTMENT);
    }
}
