package org.chart2claim.appeal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Role;
import org.chart2claim.appeal.AppealAction;
import org.chart2claim.appeal.AppealService.WorkItem;
import org.chart2claim.appeal.ItemStatus;
import org.chart2claim.appeal.RecordDocument;
import org.chart2claim.appeal.WriteOffReason;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.ui.ClaimForm;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The trainee's denial desk: the worklist, working items, winning a drill by appeal, and nobody else's items. */
class DenialsViewTest extends KaribuTest {
    @Autowired
    BillingService billing;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    AccountService accounts;

    String ledger;

    @BeforeEach
    void fresh() {
        ledger = "ui-" + UUID.randomUUID();
        login("student", Role.STUDENT);
    }

    void submit(String scenario, CodingAnswer coding, LocalDate on) {
        billing.submitScenario(
                "student", library.find(scenario).orElseThrow(), coding, on, ledger, Disclosure.TEACHING);
    }

    CodingAnswer key(String scenario) {
        return CodingAnswer.fromKey(library.find(scenario).orElseThrow().key());
    }

    DenialsView worklist() {
        UI.getCurrent().navigate("appeals", QueryParameters.of("ledger", ledger));
        return _get(DenialsView.class);
    }

    WorkItemView open(DenialsView view, String label) {
        WorkItem item = view.grid
                .getListDataView()
                .getItems()
                .filter(w -> w.row().label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in the worklist"));
        UI.getCurrent().navigate(WorkItemView.class, item.id());
        return _get(WorkItemView.class);
    }

    static String text(WorkItemView view) {
        return view.getElement().getTextRecursively();
    }

    @Test
    void aTraineeAcceptsAnEmDowncode() {
        CodingAnswer key = key("pc-001-dm2-neuropathy");
        submit(
                "pc-001-dm2-neuropathy",
                new CodingAnswer(
                        key.diagnoses(),
                        List.of(new CodingAnswer.Line(
                                "99215",
                                List.of(),
                                1,
                                key.procedures().getFirst().pointers()))),
                null);
        DenialsView view = worklist();
        assertThat(view.clock.selectedLedger()).isEqualTo(ledger);
        assertThat(view.summary.getText()).contains("1 work items");
        WorkItemView item = open(view, "CO-150");
        assertThat(text(item)).contains("Redetermination").contains("What the payer said");
        item.action.setValue(AppealAction.NO_ACTION);
        item.submit.click();
        assertThat(item.status.getText()).isEqualTo("closed");
        assertThat(text(item)).contains("Score 100/100").contains("Accept the downcode");

        // My results shows the scored denial work
        UI.getCurrent().navigate("results");
        String results =
                _get(org.chart2claim.coding.ui.ResultsView.class).getElement().getTextRecursively();
        assertThat(results).contains("Denial work").contains("work items scored");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.chart2claim.appeal.AppealStore.ItemRow> work =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("denial-work-grid"));
        assertThat(work.getListDataView().getItems()).anySatisfy(r -> {
            assertThat(r.label()).isEqualTo("CO-150");
            assertThat(r.action()).isEqualTo(AppealAction.NO_ACTION);
            assertThat(r.score()).isEqualTo(100);
        });
    }

    @Test
    void aMissing25BundlingDenialIsFixedWithACorrectedClaimAndPaid() {
        CodingAnswer key = key("pc-003-preventive-with-problem");
        submit(
                "pc-003-preventive-with-problem",
                new CodingAnswer(
                        key.diagnoses(),
                        key.procedures().stream()
                                .map(l -> new CodingAnswer.Line(l.code(), List.of(), l.units(), l.pointers()))
                                .toList()),
                null);
        WorkItemView item = open(worklist(), "CO-97");
        assertThat(item.getElement().getTextRecursively()).contains("Hint:");
        item.examMode.setValue(true);
        assertThat(text(item)).doesNotContain("Hint:");
        long id = item.item().id();
        String claimNumber = item.item().row().claimNumber();
        item.action.setValue(AppealAction.CORRECTED_CLAIM);
        // the correction is made in the claim builder, not on the item page
        assertThat(item.submit.isVisible()).isFalse();
        item.openBuilder.click();
        ClaimForm form = _get(ClaimForm.class);
        Claim asSent = form.claim();
        assertThat(asSent.frequency()).isEqualTo(FrequencyCode.REPLACEMENT);
        assertThat(asSent.originalClaimNumber()).isEqualTo(claimNumber);
        // the trainee adds 25 to the visit the key bills with it, and submits the replacement
        List<ServiceLine> fixed = asSent.lines().stream()
                .map(l -> key.procedures().stream()
                                .anyMatch(k -> k.code().equals(l.code())
                                        && k.modifiers().contains("25"))
                        ? new ServiceLine(
                                l.from(),
                                l.to(),
                                l.placeOfService(),
                                l.emergency(),
                                l.code(),
                                List.of("25"),
                                l.pointers(),
                                l.charge(),
                                l.units(),
                                l.renderingNpi())
                        : l)
                .toList();
        assertThat(fixed).isNotEqualTo(asSent.lines());
        form.fill(ClaimBuilder.from(asSent).lines(fixed).build());
        _get(Button.class, spec -> spec.withText("Submit to payer")).click();

        // the item took the corrected claim and follows the replacement's remittance: paid, scored
        DenialsView list = worklist();
        assertThat(list.grid.getListDataView().getItems().filter(w -> w.id() == id))
                .singleElement()
                .satisfies(w -> assertThat(w.row().status()).isEqualTo(ItemStatus.CORRECTED));
        UI.getCurrent().navigate(WorkItemView.class, id);
        WorkItemView corrected = _get(WorkItemView.class);
        assertThat(corrected.status.getText()).isEqualTo("corrected");
        assertThat(text(corrected)).contains("Score 100/100").contains("Recovered $");
        // the replacement is paid: its line needs no more work
        assertThat(worklist()
                        .grid
                        .getListDataView()
                        .getItems()
                        .filter(w -> w.row().label().equals("CO-97")
                                && !w.row().status().closed()))
                .isEmpty();
    }

    @Test
    void aTimelyFilingDenialIsWrittenOff() {
        String scenario = "pc-003-preventive-with-problem";
        submit(
                scenario,
                key(scenario),
                library.find(scenario).orElseThrow().dateOfService().plusDays(200));
        WorkItemView item = open(worklist(), "CO-29");
        item.action.setValue(AppealAction.WRITE_OFF);
        item.submit.click();
        assertThat(item.error.getText()).contains("needs a reason");
        item.writeOffReason.setValue(WriteOffReason.TIMELY_FILING);
        item.submit.click();
        assertThat(item.status.getText()).isEqualTo("written off");
        assertThat(text(item)).contains("Score 100/100");
    }

    @Test
    void aTraineeWinsADrillByAppealWhenTheDecisionArrivesAfterTheClockMoves() {
        DenialsView view = worklist();
        var drill = view.drills
                .getListDataView()
                .getItems()
                .filter(d -> d.id().equals("auth-not-linked-epidural"))
                .findFirst()
                .orElseThrow();
        view.startDrill(drill);
        DenialsView drillView = _get(DenialsView.class);
        ledger = drillView.clock.selectedLedger();
        assertThat(ledger).startsWith("drill-auth-not-linked-epidural");
        WorkItemView item = open(drillView, "CO-15");
        item.action.setValue(AppealAction.APPEAL);
        assertThat(item.letterDocumentation.getListDataView().getItems()).contains(RecordDocument.AUTHORIZATION);
        item.letterReason.setValue("Appeal of the CO-15 denial of line 1 (64483)");
        item.letterArgument.setValue("Authorization PA-26-0210451 was approved for this member and 64483 before the"
                + " injection; the approval letter is enclosed.");
        item.letterDocumentation.select(RecordDocument.AUTHORIZATION);
        item.letterOutcome.setValue("Reprocess line 1 and pay it.");
        item.submit.click();
        assertThat(item.error.getText()).isEmpty();
        assertThat(item.status.getText()).isEqualTo("appealed level 1");
        assertThat(text(item)).contains("The payer answers by");

        DenialsView back = worklist();
        back.clock.month.click();
        assertThat(open(worklist(), "CO-15").status.getText()).isEqualTo("appealed level 1");
        worklist().clock.month.click();
        WorkItemView decided = open(worklist(), "CO-15");
        assertThat(decided.status.getText()).isEqualTo("overturned");
        assertThat(text(decided))
                .contains("Decision: overturned")
                .contains("Reprocessed as claim")
                .contains("Score 100/100");
    }

    @Test
    void aStudentCannotOpenAnotherStudentsWorkItem() {
        CodingAnswer key = key("pc-001-dm2-neuropathy");
        submit(
                "pc-001-dm2-neuropathy",
                new CodingAnswer(key.diagnoses(), List.of(new CodingAnswer.Line("99215", List.of(), 1, List.of(1, 2)))),
                null);
        long id = worklist()
                .grid
                .getListDataView()
                .getItems()
                .findFirst()
                .orElseThrow()
                .id();
        if (accounts.findAll().stream().noneMatch(a -> a.getUsername().equals("appeal-student-b"))) {
            accounts.create("appeal-student-b", "Bea Student", IntegrationTest.DEMO_PASSWORD, EnumSet.of(Role.STUDENT));
        }
        login("appeal-student-b", Role.STUDENT);
        UI.getCurrent().navigate(WorkItemView.class, id);
        assertThat(_get(WorkItemView.class).getElement().getTextRecursively()).contains("Work item not found");
        assertThat(worklist().grid.getListDataView().getItems()).isEmpty();
    }
}
