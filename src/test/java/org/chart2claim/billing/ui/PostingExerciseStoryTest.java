package org.chart2claim.billing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.posting.RemittancePosting;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.ui.ResultsView;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.LineResult;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hand-posting exercise as a trainee does it (pick the ERA, read it, post it, see the score and each difference),
 * the score on My results, the instructor's cohort view, and "print all statements" of a statement run.
 */
class PostingExerciseStoryTest extends KaribuTest {
    /** Medicare patient with the deductible open: CO-45 write-off and PR-1 on the visit. */
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    ScenarioLibrary library;

    @Autowired
    BillingService billing;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    ClaimResult submit(String user, String ledger) {
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        return billing.submitScenario(
                user,
                scenario,
                CodingAnswer.fromKey(scenario.key()),
                scenario.dateOfService().plusDays(7),
                ledger,
                Disclosure.TEACHING);
    }

    /** Types the ERA into the form as the automatic posting would post it. */
    static void postRight(PostingExerciseView view, ClaimResult era) {
        for (int i = 0; i < era.lines().size(); i++) {
            LineResult l = era.lines().get(i);
            PostingLineForm form = view.lines.get(i);
            form.paid.setValue(l.paid().toPlainString());
            form.patientResponsibility.setValue(l.patientResponsibility().toPlainString());
            int row = 0;
            for (Adjustment a : l.adjustments()) {
                PostingLineForm.AdjustmentRow r =
                        row < form.adjustments.size() ? form.adjustments.get(row) : form.addRow();
                r.fill(a.group().name(), a.carc(), a.amount().toPlainString(), RemittancePosting.typeOf(a));
                row++;
            }
        }
    }

    @Test
    void aTraineePostsAnEraByHandIsScoredAndSeesTheScoreOnMyResultsAndTheirInstructorSeesIt() {
        String trainee = "post-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(trainee, "Poster", IntegrationTest.DEMO_PASSWORD, EnumSet.of(Role.STUDENT));
        Cohort cohort = cohorts.create("Posting " + trainee, "", "instructor");
        cohorts.enrol(cohort.getId(), trainee);
        login(trainee, Role.STUDENT);
        String ledger = "post-" + UUID.randomUUID();
        ClaimResult era = submit(trainee, ledger);
        long claimId = billing.recordId(era).orElseThrow();
        assertThat(era.lines().getFirst().adjustments())
                .extracting(Adjustment::label)
                .contains("CO-45", "PR-1");

        // the list of ERAs to post, then the exercise: raw 835 and the EOB
        UI.getCurrent().navigate("billing/posting-exercise");
        PostingExerciseView list = _get(PostingExerciseView.class);
        list.ledger.setValue(ledger);
        assertThat(list.claims.getListDataView().getItems())
                .singleElement()
                .satisfies(e -> assertThat(e.score()).isNull());
        UI.getCurrent().navigate(PostingExerciseView.class, claimId);
        PostingExerciseView view = _get(PostingExerciseView.class);
        assertThat(view.raw835.getText()).contains("ST*835*").contains("CAS*CO*45*");
        assertThat(view.lines).hasSize(era.lines().size());

        // first attempt: line 1's paid amount left out and PR-1 posted as a contractual write-off
        postRight(view, era);
        view.lines.getFirst().paid.clear();
        view.lines.getFirst().adjustments.stream()
                .filter(r -> "1".equals(r.carc.getValue()))
                .findFirst()
                .orElseThrow()
                .postedAs
                .setValue(org.chart2claim.billing.posting.TransactionType.CONTRACTUAL_ADJUSTMENT);
        view.submit.click();
        assertThat(view.score.getText()).isNotEqualTo("100 / 100");
        assertThat(view.shownDifferences.stream().map(c -> c.what())).contains("Paid", "PR-1 posted as");
        assertThat(view.shownDifferences.stream()
                        .filter(c -> c.what().equals("PR-1 posted as"))
                        .findFirst()
                        .orElseThrow()
                        .explanation())
                .contains("deductible");
        int first = Integer.parseInt(view.score.getText().split(" ")[0]);
        assertThat(first).isLessThan(100);

        // a repeat, right this time: 100, but it does not count
        UI.getCurrent().navigate(PostingExerciseView.class, claimId);
        view = _get(PostingExerciseView.class);
        postRight(view, era);
        view.submit.click();
        assertThat(view.score.getText()).isEqualTo("100 / 100");
        assertThat(view.shownDifferences).isEmpty();
        assertThat(view.differences.getChildren()).isEmpty();
        assertThat(view.result.getElement().getTextRecursively()).contains("only your first attempt");

        // an amount that is not a number is refused, nothing scored
        view.lines.getFirst().paid.setValue("eighty");
        view.submit.click();
        assertThat(view.message.getText()).contains("'eighty'").contains("not an amount");

        // My results: the first attempt counts
        UI.getCurrent().navigate("results");
        ResultsView results = _get(ResultsView.class);
        assertThat(results.getElement().getTextRecursively())
                .contains("ERA posting by hand")
                .contains("1 claim posted · average " + first + " (first attempts) · 1 repeat (not counted)");

        // another trainee cannot open this ERA
        login("post-other-" + UUID.randomUUID().toString().substring(0, 6), Role.STUDENT);
        UI.getCurrent().navigate(PostingExerciseView.class, claimId);
        assertThat(_get(PostingExerciseView.class).getElement().getTextRecursively())
                .contains("ERA not found");

        // the instructor of the cohort sees both attempts; an instructor of no cohort sees none
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("teaching/posting");
        CohortPostingView cohortView = _get(CohortPostingView.class);
        assertThat(cohortView
                        .attempts
                        .getListDataView()
                        .getItems()
                        .filter(a -> a.username().equals(trainee)))
                .extracting(a -> a.score())
                .containsExactly(100, first);
        String lonely = "instr-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(lonely, "No Cohort", IntegrationTest.DEMO_PASSWORD, EnumSet.of(Role.INSTRUCTOR));
        login(lonely, Role.INSTRUCTOR);
        UI.getCurrent().navigate("teaching/posting");
        assertThat(_get(CohortPostingView.class).attempts.getListDataView().getItems())
                .noneMatch(a -> a.username().equals(trainee));
    }

    @Test
    void printAllStatementsOfARunShowsProgressAndGivesOnePdf() throws IOException {
        String user = "run-" + UUID.randomUUID().toString().substring(0, 8);
        login(user, Role.STUDENT);
        String ledger = "run-" + UUID.randomUUID();
        submit(user, ledger);
        UI.getCurrent().navigate("billing/accounts");
        PatientAccountsView accountsView = _get(PatientAccountsView.class);
        accountsView.clockBar.ledger.setValue(ledger);
        assertThat(accountsView.statementRuns.print.isEnabled()).isFalse();
        accountsView.clockBar.month.click(); // the first statement goes out
        StatementRunPanel panel = accountsView.statementRuns;
        assertThat(panel.run.getValue()).isNotNull();
        assertThat(panel.run.getValue().statements()).isEqualTo(1);
        panel.executor = Runnable::run;
        panel.print.click();
        MockVaadin.clientRoundtrip(false); // runs the updates the print queued with ui.access
        assertThat(panel.progressText.getText()).isEqualTo("1 statements printed.");
        assertThat(panel.progress.getValue()).isEqualTo(1.0);
        assertThat(panel.download.getChildren()).hasSize(1);
        try (var doc = Loader.loadPDF(Files.readAllBytes(panel.file()))) {
            assertThat(doc.getNumberOfPages()).isPositive();
        }
    }
}
