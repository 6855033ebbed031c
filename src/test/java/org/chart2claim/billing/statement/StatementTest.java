package org.chart2claim.billing.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PaymentEntry;
import org.chart2claim.billing.posting.PracticeLedger;
import org.chart2claim.billing.posting.RemittancePosting;
import org.chart2claim.billing.posting.TransactionType;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;
import org.junit.jupiter.api.Test;

/** Statement content and its PDF (text read back with PDFBox), and the balance-billing guard. */
class StatementTest {
    static final String ACCOUNT = "ELLISON-MARJORIE-19580502";
    static final LocalDate DOS = LocalDate.of(2026, 3, 14);
    static final Statement.Party PRACTICE = new Statement.Party(
            "Maple Grove Family Medicine", List.of("12 Elm Street", "Springfield, IL 62704"), "217-555-0100");
    static final Statement.Party PATIENT =
            new Statement.Party("Marjorie Ellison", List.of("418 Birchwood Lane", "Springfield, IL 62704"), "");

    static Adjustment adj(GroupCode g, String carc, String amount) {
        return new Adjustment(g, carc, List.of(), new BigDecimal(amount), "Edit", "why", null);
    }

    /** 99214 $200: paid 0, CO-45 70, PR-1 130 (deductible); 36415 $20 denied CO-97 (bundled). Patient pays 30. */
    static List<LedgerTransaction> ledger() {
        List<LineResult> lines = List.of(
                new LineResult(
                        1,
                        "99214",
                        List.of(),
                        1,
                        DOS,
                        new BigDecimal("200.00"),
                        new BigDecimal("130.00"),
                        BigDecimal.ZERO,
                        List.of(adj(GroupCode.CO, "45", "70.00"), adj(GroupCode.PR, "1", "130.00"))),
                new LineResult(
                        2,
                        "36415",
                        List.of(),
                        1,
                        DOS,
                        new BigDecimal("20.00"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        List.of(adj(GroupCode.CO, "97", "20.00"))));
        ClaimResult result = new ClaimResult(
                "PCN",
                "SIM00000042",
                "medicare-sim",
                "Medicare",
                "1EG4TE5MK73",
                "Ellison",
                "Marjorie",
                "1401010107",
                "Maple Grove",
                "471234501",
                ClaimStatus.PARTIAL,
                new BigDecimal("220.00"),
                BigDecimal.ZERO,
                new BigDecimal("130.00"),
                List.of(),
                lines);
        List<LedgerTransaction> all = new ArrayList<>(RemittancePosting.post(
                result, new RemittancePosting.Patient(ACCOUNT, "Ellison, Marjorie", "1EG4TE5MK73"), DOS.plusDays(7)));
        all.addAll(new PracticeLedger(all)
                .manualPostings(
                        List.of(new PaymentEntry(
                                ACCOUNT, new BigDecimal("30.00"), "check", "1042", false, DOS.plusDays(20))),
                        null,
                        DOS.plusDays(20)));
        return all;
    }

    static Statement statement(LocalDate date, int cycle) {
        return Statement.of(
                ACCOUNT,
                ledger(),
                date,
                cycle,
                PRACTICE,
                PATIENT,
                code -> code.equals("99214") ? "Established patient office visit, moderate" : "Venous blood draw");
    }

    @Test
    void contentHasEachServiceThePatientShareOnlyPaymentsAgingAndTheCycleMessage() {
        Statement s = statement(DOS.plusDays(45), 2);
        assertThat(s.services())
                .extracting(v -> v.code() + " " + v.charge() + " " + v.insurancePaid() + " " + v.adjustments() + " "
                        + v.patientShare())
                .containsExactly("99214 200.00 0.00 70.00 130.00", "36415 20.00 0.00 20.00 0.00");
        assertThat(s.payments())
                .singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("30.00"));
        // only PR reaches the balance: 130 deductible − 30 paid; the CO-45 write-off and the CO-97 denial never do
        assertThat(s.balanceDue()).isEqualByComparingTo("100.00");
        assertThat(s.aging().get("31-60")).isEqualByComparingTo("100.00");
        assertThat(s.message()).contains("30 days past due");
        assertThat(Statement.dunning(4)).contains("Final notice");
        // a statement dated before the payment does not show it
        assertThat(statement(DOS.plusDays(10), 1).balanceDue()).isEqualByComparingTo("130.00");
    }

    @Test
    void thePdfCarriesPracticePatientServicesBalanceAgingAndHowToPay() throws IOException {
        byte[] pdf = StatementPdf.render(statement(DOS.plusDays(45), 2));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text)
                .contains(
                        "Maple Grove Family Medicine",
                        "217-555-0100",
                        "PATIENT STATEMENT",
                        "Marjorie Ellison",
                        "418 Birchwood Lane",
                        "Account: " + ACCOUNT,
                        "04/28/2026")
                .contains("03/14/2026", "99214", "Established patient office visit", "$200.00", "$70.00", "$130.00")
                .contains("36415", "$20.00")
                .contains("Your payment (check 1042)", "BALANCE DUE: $100.00", "31-60: $100.00")
                .contains("30 days past due", "How to pay");
    }

    @Test
    void aContractualAmountNeverReachesAStatementAndTryingSaysWhy() {
        LedgerTransaction denial = ledger().stream()
                .filter(t -> t.type() == TransactionType.DENIAL)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> Statement.billToPatient(denial))
                .isInstanceOf(Statement.BalanceBillingRefused.class)
                .hasMessageContaining("CO-97")
                .hasMessageContaining("contractual obligation")
                .hasMessageContaining("balance billing");
        LedgerTransaction writeOff = ledger().stream()
                .filter(t -> t.type() == TransactionType.CONTRACTUAL_ADJUSTMENT)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> Statement.billToPatient(writeOff)).hasMessageContaining("CO-45");
        LedgerTransaction deductible = ledger().stream()
                .filter(t -> t.type() == TransactionType.DEDUCTIBLE)
                .findFirst()
                .orElseThrow();
        Statement.billToPatient(deductible); // PR: the patient's, allowed
    }

    @Test
    void anOverpaidAccountShowsACreditNotADunningLetter() {
        List<LedgerTransaction> all = new ArrayList<>(ledger());
        all.addAll(new PracticeLedger(all)
                .manualPostings(
                        List.of(new PaymentEntry(
                                ACCOUNT, new BigDecimal("100.00"), "card", "", false, DOS.plusDays(21))),
                        null,
                        DOS.plusDays(21)));
        Statement s = Statement.of(ACCOUNT, all, DOS.plusDays(30), 1, PRACTICE, PATIENT, c -> "");
        assertThat(s.balanceDue()).isEqualByComparingTo("0");
        assertThat(s.message()).doesNotContain("past due");
    }
}
