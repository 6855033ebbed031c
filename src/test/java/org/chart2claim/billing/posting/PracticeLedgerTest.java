package org.chart2claim.billing.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.junit.jupiter.api.Test;

class PracticeLedgerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    static final String ACCOUNT = RemittancePostingTest.GREENLEAF.account();

    /** A ledger where Greenleaf owes a 30.00 copay, posted on 2026-03-09. */
    static PracticeLedger owingThirty() {
        return new PracticeLedger(RemittancePosting.post(
                RemittancePostingTest.claim(
                        "SIM00000001",
                        ClaimStatus.PAID,
                        RemittancePostingTest.line(
                                1,
                                "99213",
                                "150.00",
                                "115.00",
                                "85.00",
                                RemittancePostingTest.adj(GroupCode.CO, "45", "35.00"),
                                RemittancePostingTest.adj(GroupCode.PR, "3", "30.00"))),
                RemittancePostingTest.GREENLEAF,
                RemittancePostingTest.REMIT));
    }

    static PaymentEntry pay(String amount, String method, String reference) {
        return new PaymentEntry(ACCOUNT, new BigDecimal(amount), method, reference, false, null);
    }

    @Test
    void aPatientPaymentLowersTheBalanceAndIsDatedToday() {
        PracticeLedger ledger = owingThirty();
        List<LedgerTransaction> posted = ledger.manualPostings(List.of(pay("20.00", "card", "AUTH 55")), null, TODAY);
        assertThat(posted).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransactionType.PATIENT_PAYMENT);
            assertThat(t.amount()).isEqualByComparingTo("20.00");
            assertThat(t.postedOn()).isEqualTo(TODAY);
            assertThat(t.method()).isEqualTo("card");
            assertThat(t.reference()).isEqualTo("AUTH 55");
        });
        List<LedgerTransaction> all = new ArrayList<>(ledger.transactions());
        all.addAll(posted);
        assertThat(new PracticeLedger(all).account(ACCOUNT).orElseThrow().patientBalance())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void overpaymentNegativeAmountUnknownAccountFutureOrEarlyDateAndCheckWithoutNumberAreRefused() {
        PracticeLedger ledger = owingThirty();
        assertThatThrownBy(() -> ledger.manualPostings(List.of(pay("30.01", "cash", "")), null, TODAY))
                .isInstanceOf(PracticeLedger.PostingRefused.class)
                .hasMessageContaining("more than the open balance of 30.00");
        // two payments of one account in one batch add up
        assertThatThrownBy(() ->
                        ledger.manualPostings(List.of(pay("20.00", "cash", ""), pay("20.00", "cash", "")), null, TODAY))
                .hasMessageContaining("Payment 2: the payment of 20.00 is more than the open balance of 10.00");
        assertThatThrownBy(() -> ledger.manualPostings(List.of(pay("-5", "cash", "")), null, TODAY))
                .hasMessageContaining("more than 0");
        assertThatThrownBy(() -> ledger.manualPostings(List.of(pay("5.001", "cash", "")), null, TODAY))
                .hasMessageContaining("fractions of a cent");
        assertThatThrownBy(() -> ledger.manualPostings(List.of(pay("5", "check", " ")), null, TODAY))
                .hasMessageContaining("a check needs its number");
        assertThatThrownBy(() -> ledger.manualPostings(List.of(pay("5", "bitcoin", "")), null, TODAY))
                .hasMessageContaining("cash, check or card");
        assertThatThrownBy(() -> ledger.manualPostings(
                        List.of(new PaymentEntry("NOBODY", BigDecimal.ONE, "cash", "", false, null)), null, TODAY))
                .hasMessageContaining("no account 'NOBODY'");
        assertThatThrownBy(() -> ledger.manualPostings(
                        List.of(new PaymentEntry(ACCOUNT, BigDecimal.ONE, "cash", "", false, LocalDate.of(2026, 3, 8))),
                        null,
                        TODAY))
                .hasMessageContaining("before the account's first remittance (2026-03-09)");
        assertThatThrownBy(() -> ledger.manualPostings(
                        List.of(new PaymentEntry(ACCOUNT, BigDecimal.ONE, "cash", "", false, TODAY.plusDays(1))),
                        null,
                        TODAY))
                .hasMessageContaining("after the practice's today");
    }

    @Test
    void anUnbalancedBatchIsRefusedWithTheDifference() {
        PracticeLedger ledger = owingThirty();
        assertThatThrownBy(() -> ledger.manualPostings(
                        List.of(pay("10.00", "cash", ""), pay("15.00", "check", "1042")),
                        new BigDecimal("30.00"),
                        TODAY))
                .isInstanceOf(UnbalancedPostingException.class)
                .hasMessageContaining("batch total is 30.00 but its payments add up to 25.00")
                .hasMessageContaining("difference 5.00");
        assertThat(ledger.manualPostings(
                        List.of(pay("10.00", "cash", ""), pay("15.00", "check", "1042")),
                        new BigDecimal("25.00"),
                        TODAY))
                .hasSize(2);
    }

    @Test
    void aRefundNeedsACreditBalanceAndUsesItUp() {
        PracticeLedger ledger = owingThirty();
        List<LedgerTransaction> all = new ArrayList<>(ledger.transactions());
        all.addAll(ledger.manualPostings(List.of(pay("30.00", "cash", "")), null, TODAY));
        // the payer takes the claim back: the copay returns to the payer side, the patient's 30.00 is now a credit
        all.addAll(RemittancePosting.post(
                org.chart2claim.payer.ClaimReversal.of(RemittancePostingTest.claim(
                        "SIM00000001",
                        ClaimStatus.PAID,
                        RemittancePostingTest.line(
                                1,
                                "99213",
                                "150.00",
                                "115.00",
                                "85.00",
                                RemittancePostingTest.adj(GroupCode.CO, "45", "35.00"),
                                RemittancePostingTest.adj(GroupCode.PR, "3", "30.00")))),
                RemittancePostingTest.GREENLEAF,
                TODAY));
        PracticeLedger withCredit = new PracticeLedger(all);
        assertThat(withCredit.account(ACCOUNT).orElseThrow().patientBalance()).isEqualByComparingTo("-30.00");

        assertThatThrownBy(() -> withCredit.manualPostings(
                        List.of(new PaymentEntry(ACCOUNT, new BigDecimal("30.01"), "check", "2001", true, null)),
                        null,
                        TODAY))
                .hasMessageContaining("more than the credit of 30.00");
        List<LedgerTransaction> refund = withCredit.manualPostings(
                List.of(new PaymentEntry(ACCOUNT, new BigDecimal("30.00"), "check", "2001", true, null)), null, TODAY);
        assertThat(refund).singleElement().extracting(LedgerTransaction::type).isEqualTo(TransactionType.REFUND);
        all.addAll(refund);
        assertThat(new PracticeLedger(all).account(ACCOUNT).orElseThrow().patientBalance())
                .isEqualByComparingTo("0");
        // a refund from an account that owes money is refused
        assertThatThrownBy(() -> owingThirty()
                        .manualPostings(
                                List.of(new PaymentEntry(ACCOUNT, BigDecimal.ONE, "cash", "", true, null)),
                                null,
                                TODAY))
                .hasMessageContaining("more than the credit of 0.00");
    }
}
