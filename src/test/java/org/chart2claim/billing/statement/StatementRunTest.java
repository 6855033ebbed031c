package org.chart2claim.billing.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chart2claim.billing.LargeLedger;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.billing.posting.PatientAccount;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.Patient;
import org.chart2claim.payer.ClaimLedger;
import org.chart2claim.payer.PayerClaimRecord;
import org.chart2claim.support.IntegrationTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A statement finds the patient's address on their latest claim by a direct lookup (stored claims read are counted:
 * reading the whole ledger would load every claim), and "print all statements" of a run is every statement exactly as
 * printed alone, in one PDF.
 */
@IntegrationTest
class StatementRunTest {
    @Autowired
    ClaimLedger claimLedger;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PostingService posting;

    @Autowired
    StatementService statements;

    @Autowired
    LedgerClockService clock;

    @Autowired
    EntityManagerFactory entityManagers;

    @Autowired
    MockMvc mvc;

    static String someone() {
        return "stmt-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theStatementReadsOnlyThePatientsLatestClaimForTheAddressHoweverLongTheLedgerIs() {
        String user = someone();
        String ledger = "large";
        int claims = 2_000;
        LargeLedger.store(
                claimLedger, new TransactionTemplate(transactions), user, ledger, claims, 400, LargeLedger.answers());
        // the patient Bench7 moved: their newest claim carries the new address
        Claim template = LargeLedger.templates().get(1);
        Claim older = LargeLedger.variant(template, 7, 400);
        Address moved = new Address("77 Juniper Court", "Apt 2", "Chatham", "IL", "62629");
        Claim latest = ClaimBuilder.from(older)
                .patientControlNumber("MOVED")
                .patient(new Patient(
                        older.patient().name(),
                        older.patient().birthDate(),
                        older.patient().sex(),
                        moved))
                .build();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> LargeLedger.storeAnswered(
                        claimLedger,
                        user,
                        ledger,
                        1,
                        List.of(latest),
                        List.of(new ClaimLedger.Received(
                                latest, org.chart2claim.config.Json.MAPPER.writeValueAsString(latest))),
                        LargeLedger.answers()));
        posting.ledger(user, ledger); // posts the 2,001 answers (not what is measured)
        String account = PatientAccount.number(
                older.patient().name().last(),
                older.patient().name().first(),
                older.patient().birthDate());

        Statistics stats = entityManagers.unwrap(SessionFactory.class).getStatistics();
        boolean wasOn = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        stats.clear();
        Statement statement;
        try {
            statement = statements.current(user, ledger, account).orElseThrow();
        } finally {
            stats.setStatisticsEnabled(wasOn);
        }
        long claimsRead =
                stats.getEntityStatistics(PayerClaimRecord.class.getName()).getLoadCount();
        assertThat(statement.patient().address()).containsExactly("77 Juniper Court", "Apt 2", "Chatham, IL 62629");
        // one stored claim read for the address (the ledger holds 2,001; a scan would read them all)
        assertThat(claimsRead).isEqualTo(1);
        assertThat(stats.getEntityLoadCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void printAllStatementsOfARunIsEveryStatementAsPrintedAloneInOnePdf() throws IOException {
        String user = someone();
        String ledger = "run";
        LargeLedger.store(
                claimLedger, new TransactionTemplate(transactions), user, ledger, 12, 6, LargeLedger.answers());
        posting.ledger(user, ledger);
        LocalDate runDate = clock.today(user, ledger).plusDays(1);
        clock.advanceDays(user, ledger, 1); // the first statements go out today
        List<StatementService.Run> runs = statements.runs(user, ledger);
        assertThat(runs).singleElement().satisfies(r -> assertThat(r.date()).isEqualTo(runDate));
        int due = runs.getFirst().statements();
        assertThat(due).isGreaterThanOrEqualTo(3);

        List<int[]> progress = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int printed =
                statements.printRun(user, ledger, runDate, out, (done, total) -> progress.add(new int[] {done, total}));
        assertThat(printed).isEqualTo(due);
        assertThat(progress).hasSize(due);
        assertThat(progress.getLast()).containsExactly(due, due);

        List<String> accounts = statements.sent(user, ledger).stream()
                .map(StatementService.Sent::account)
                .sorted()
                .toList();
        try (PDDocument batch = Loader.loadPDF(out.toByteArray())) {
            int page = 1;
            for (String account : accounts) {
                try (PDDocument alone =
                        Loader.loadPDF(statements.pdf(user, ledger, account).orElseThrow())) {
                    int pages = alone.getNumberOfPages();
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(page);
                    stripper.setEndPage(page + pages - 1);
                    assertThat(stripper.getText(batch))
                            .as(account)
                            .isEqualTo(new PDFTextStripper().getText(alone))
                            .contains(account);
                    page += pages;
                }
            }
            assertThat(batch.getNumberOfPages()).isEqualTo(page - 1);
        }

        // nothing for another user's ledger, nor for a day without a run
        assertThat(statements.printRun(someone(), ledger, runDate, new ByteArrayOutputStream(), (d, t) -> {}))
                .isZero();
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertThat(statements.printRun(user, ledger, runDate.minusDays(1), none, (d, t) -> {}))
                .isZero();
        assertThat(none.size()).isZero();
    }

    @Test
    void theRunPdfOverRestIsTheOwnersOnly() throws Exception {
        String user = someone();
        String ledger = "rest-run";
        LargeLedger.store(
                claimLedger, new TransactionTemplate(transactions), user, ledger, 4, 2, LargeLedger.answers());
        posting.ledger(user, ledger);
        LocalDate runDate = clock.today(user, ledger).plusDays(1);
        clock.advanceDays(user, ledger, 1);
        int due = statements.runs(user, ledger).getFirst().statements();

        mvc.perform(get("/api/ledgers/" + ledger + "/statement-runs")
                        .with(user(user).roles("STUDENT")))
                .andExpect(status().isOk());
        byte[] pdf = mvc.perform(get("/api/ledgers/" + ledger + "/statement-runs/" + runDate + ".pdf")
                        .with(user(user).roles("STUDENT")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Statements", String.valueOf(due)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(due);
        }
        String stranger = someone();
        mvc.perform(get("/api/ledgers/" + ledger + "/statement-runs/" + runDate + ".pdf")
                        .with(user(stranger).roles("STUDENT")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/ledgers/" + ledger + "/statement-runs")
                        .with(user(stranger).roles("STUDENT")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/ledgers/" + ledger + "/statement-runs/yesterday.pdf")
                        .with(user(user).roles("STUDENT")))
                .andExpect(status().isNotFound());
    }
}
