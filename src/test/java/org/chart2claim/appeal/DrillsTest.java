package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.chart2claim.billing.clock.ClockAdvance;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.LineResult;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every shipped drill: it loads, its first remittance carries its denial, and its expected answer wins it. */
@IntegrationTest
class DrillsTest {
    static final String TRAINEE = "drill-trainee";

    @Autowired
    AppealService appeals;

    @Autowired
    DrillLibrary library;

    @Autowired
    LedgerClockService clock;

    @Autowired
    org.chart2claim.billing.BillingService billing;

    @Autowired
    org.chart2claim.scenario.ScenarioLibrary scenarios;

    @Test
    void atLeastTwentyDrillsLoadCleanlyOverEveryKind() {
        assertThat(library.problems()).isEmpty();
        assertThat(library.all()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(library.all().stream().map(Drill::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Drill.Kind.values());
    }

    @Test
    void everyDrillsFirstRemittanceDeniesItsLineAndItsExpectedAnswerWinsIt() {
        for (Drill drill : library.all()) {
            String ledger = "drill-" + UUID.randomUUID();
            AppealService.DrillStart started = appeals.startDrill(TRAINEE, drill.id(), ledger);

            LineResult line = started.remittance().lines().get(drill.line() - 1);
            assertThat(line.paid()).as(drill.id()).isZero();
            assertThat(line.adjustments()).as(drill.id()).singleElement().satisfies(a -> {
                assertThat(a.label()).isEqualTo(drill.denial().label());
                assertThat(a.rarc()).isEqualTo(drill.denial().rarc());
                assertThat(a.amount()).isEqualByComparingTo(line.billed());
            });
            AppealService.WorkItem item = started.items().stream()
                    .filter(i -> i.row().line() == drill.line())
                    .findFirst()
                    .orElseThrow();
            assertThat(item.row().drillId()).isEqualTo(drill.id());
            Denial.Expectation expected = appeals.expectation(item.row());
            assertThat(expected.actions()).as(drill.id()).isEqualTo(drill.expectedActions());
            assertThat(appeals.availableDocumentation(item.row())).containsAll(drill.documentation());

            if (drill.kind().claimSide()) {
                switch (drill.expectedActions().getFirst()) {
                    case BILL_OTHER_PAYER -> winByBillingTheOtherPayer(drill, item);
                    case RETRO_AUTH -> winByRetroAuthorization(drill, item, ledger);
                    default -> winByCorrectedClaim(drill, item, ledger);
                }
                continue;
            }
            ActionAnswer filed = appeals.act(TRAINEE, item.id(), rightAnswer(drill, item));
            assertThat(filed.decision()).as(drill.id()).isEqualTo("PENDING");
            int responseDays = appeals.levels()
                    .of(item.row().payerId())
                    .orElseThrow()
                    .level(1)
                    .orElseThrow()
                    .responseDays();
            ClockAdvance advance = clock.advanceDays(TRAINEE, ledger, responseDays);
            // other features act on the same move (the billing office's statement cycles): the appeal decision is one
            assertThat(advance.events().stream()
                            .filter(e -> e.type().equals(AppealService.DECISION_EVENT))
                            .toList())
                    .as(drill.id())
                    .singleElement()
                    .satisfies(e -> {
                        ActionAnswer decided = (ActionAnswer) e.detail();
                        assertThat(decided.decision())
                                .as(drill.id() + ": " + decided.explanation())
                                .isEqualTo("OVERTURNED");
                        assertThat(decided.paid()).as(drill.id()).isPositive();
                        assertThat(decided.score())
                                .as(drill.id() + ": " + decided.feedback())
                                .isEqualTo(100);
                    });
            assertThat(appeals.item(TRAINEE, item.id()).orElseThrow().row().status())
                    .isEqualTo(ItemStatus.OVERTURNED);
        }
    }

    @Test
    void aCorrectedClaimMeetsTheSamePayerErrorAndScoresAsTheWrongAction() {
        Drill drill = library.find("bundling-separate-laceration").orElseThrow();
        String ledger = "drill-" + UUID.randomUUID();
        AppealService.DrillStart started = appeals.startDrill(TRAINEE, drill.id(), ledger);
        AppealService.WorkItem item = started.items().stream()
                .filter(i -> i.row().line() == drill.line())
                .findFirst()
                .orElseThrow();
        var key = org.chart2claim.coding.CodingAnswer.fromKey(
                appeals.scenarioOf(drill).orElseThrow().key());
        ActionAnswer corrected = appeals.act(
                TRAINEE,
                item.id(),
                new ActionRequest("CORRECTED_CLAIM", null, null, key.diagnoses(), key.procedures(), null));
        assertThat(corrected.status()).isEqualTo("CORRECTED");
        assertThat(corrected.paid()).isZero();
        assertThat(corrected.score()).isLessThan(50);
        assertThat(corrected.feedback()).contains("would appeal");
        // the replacement's remittance denies the line again: a new item with the same denial
        assertThat(appeals.worklist(TRAINEE, ledger)).anySatisfy(w -> {
            assertThat(w.row().status()).isEqualTo(ItemStatus.OPEN);
            assertThat(w.row().label()).isEqualTo(drill.denial().label());
        });
    }

    AppealService.WorkItem drillItem(AppealService.DrillStart started) {
        return started.items().stream()
                .filter(i -> i.row().line() == started.drill().line())
                .findFirst()
                .orElseThrow();
    }

    int responseDays(AppealService.WorkItem item) {
        return appeals.levels()
                .of(item.row().payerId())
                .orElseThrow()
                .level(1)
                .orElseThrow()
                .responseDays();
    }

    @Test
    void aDecisionArrivesWhenANewerClaimMovesTheLedgersDatePastItsResponseDate() {
        String ledger = "drill-" + UUID.randomUUID();
        AppealService.DrillStart started = appeals.startDrill(TRAINEE, "member-id-miskeyed-diabetes-visit", ledger);
        AppealService.WorkItem item = drillItem(started);
        appeals.act(TRAINEE, item.id(), rightAnswer(started.drill(), item));
        LocalDate due = item.today().plusDays(responseDays(item));

        // another claim of the ledger, received after the response date: no clock move
        var other = scenarios.find("pc-002-htn-ckd").orElseThrow();
        billing.submitScenario(
                TRAINEE,
                other,
                org.chart2claim.coding.CodingAnswer.fromKey(other.key()),
                due.plusDays(3),
                ledger,
                org.chart2claim.payer.Disclosure.TEACHING);

        AppealStore.ItemRow decided =
                appeals.item(TRAINEE, item.id()).orElseThrow().row();
        assertThat(decided.status()).isEqualTo(ItemStatus.OVERTURNED);
        assertThat(appeals.filings(appeals.item(TRAINEE, item.id()).orElseThrow()))
                .singleElement()
                .satisfies(f -> assertThat(f.decidedOn()).isEqualTo(due));
    }

    @Test
    void onOneClockMoveNoStatementIsDatedBeforeTheAppealDecisionWhoseReprocessingCreatedTheBalance() {
        String ledger = "drill-" + UUID.randomUUID();
        AppealService.DrillStart started = appeals.startDrill(TRAINEE, "member-id-miskeyed-diabetes-visit", ledger);
        AppealService.WorkItem item = drillItem(started);
        // the only line is denied: nobody owes anything until the appeal is won
        assertThat(started.remittance().patientResponsibility()).isZero();
        appeals.act(TRAINEE, item.id(), rightAnswer(started.drill(), item));

        ClockAdvance advance = clock.advanceDays(TRAINEE, ledger, responseDays(item) + 45);

        LocalDate decidedOn = advance.events().stream()
                .filter(e -> e.type().equals(AppealService.DECISION_EVENT))
                .map(e -> ((ActionAnswer) e.detail()).decidedOn())
                .findFirst()
                .orElseThrow();
        List<LocalDate> statements = advance.events().stream()
                .filter(e -> e.type().equals("statement"))
                .map(e -> LocalDate.parse(String.valueOf(((java.util.Map<?, ?>) e.detail()).get("date"))))
                .toList();
        assertThat(statements).isNotEmpty().allSatisfy(d -> assertThat(d).isAfterOrEqualTo(decidedOn));
    }

    @Test
    void billingAnotherPayerIsRefusedWhenEligibilityShowsNoOtherCoverage() {
        String ledger = "drill-" + UUID.randomUUID();
        AppealService.DrillStart started = appeals.startDrill(TRAINEE, "cob-no-other-coverage-ecg", ledger);
        AppealService.WorkItem item = drillItem(started);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> appeals.act(
                        TRAINEE, item.id(), new ActionRequest("BILL_OTHER_PAYER", null, null, null, null, null)))
                .isInstanceOf(AppealException.class)
                .hasMessageContaining("no other coverage")
                .hasMessageContaining("Appeal");
        // a retro-authorization answers only an authorization denial
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        appeals.act(TRAINEE, item.id(), new ActionRequest("RETRO_AUTH", null, null, null, null, null)))
                .isInstanceOf(AppealException.class)
                .hasMessageContaining("CO-197");
        assertThat(appeals.item(TRAINEE, item.id()).orElseThrow().row().status())
                .isEqualTo(ItemStatus.OPEN);
    }

    /** A claim-side drill is won by the corrected claim: the key, as a replacement, paid on its own 835. */
    void winByCorrectedClaim(Drill drill, AppealService.WorkItem item, String ledger) {
        assertThat(drill.expectedActions()).as(drill.id()).containsExactly(AppealAction.CORRECTED_CLAIM);
        var key = org.chart2claim.coding.CodingAnswer.fromKey(
                appeals.scenarioOf(drill).orElseThrow().key());
        ActionAnswer corrected = appeals.act(
                TRAINEE,
                item.id(),
                new ActionRequest("CORRECTED_CLAIM", null, null, key.diagnoses(), key.procedures(), null));
        assertThat(corrected.status()).as(drill.id()).isEqualTo("CORRECTED");
        assertThat(corrected.paid())
                .as(drill.id() + ": " + corrected.explanation())
                .isPositive();
        assertThat(corrected.score())
                .as(drill.id() + ": " + corrected.feedback())
                .isEqualTo(100);
        // the replacement's 835 allows the line: nothing of it is left to work but the patient's share
        assertThat(appeals.worklist(TRAINEE, ledger)).as(drill.id()).noneSatisfy(w -> {
            assertThat(w.row().status()).isEqualTo(ItemStatus.OPEN);
            assertThat(w.row().label()).isEqualTo(drill.denial().label());
        });
    }

    /**
     * A claim sent to the wrong plan is won by billing the plan eligibility names: the claim to it is adjudicated and
     * paid (and, when the first plan stays secondary, the secondary claim carries the primary's payment).
     */
    void winByBillingTheOtherPayer(Drill drill, AppealService.WorkItem item) {
        assertThat(drill.expectedActions()).as(drill.id()).containsExactly(AppealAction.BILL_OTHER_PAYER);
        ActionAnswer billed =
                appeals.act(TRAINEE, item.id(), new ActionRequest("BILL_OTHER_PAYER", null, null, null, null, null));
        assertThat(billed.status()).as(drill.id()).isEqualTo("BILLED_OTHER_PAYER");
        assertThat(billed.paid()).as(drill.id() + ": " + billed.explanation()).isPositive();
        assertThat(billed.explanation()).as(drill.id()).contains("Blue Horizon PPO (simulated)");
        assertThat(billed.score()).as(drill.id() + ": " + billed.feedback()).isEqualTo(100);
        assertThat(appeals.item(TRAINEE, item.id()).orElseThrow().row().newClaimId())
                .as(drill.id() + ": the item follows the claim billed")
                .isNotNull();
    }

    /** No authorization was obtained: the payer grants one after the fact, reprocesses the claim and pays it. */
    void winByRetroAuthorization(Drill drill, AppealService.WorkItem item, String ledger) {
        assertThat(drill.expectedActions()).as(drill.id()).containsExactly(AppealAction.RETRO_AUTH);
        ActionAnswer asked =
                appeals.act(TRAINEE, item.id(), new ActionRequest("RETRO_AUTH", null, null, null, null, null));
        assertThat(asked.decision()).as(drill.id()).isEqualTo("PENDING");
        int days =
                appeals.levels().of(item.row().payerId()).orElseThrow().retro().responseDays();
        ClockAdvance advance = clock.advanceDays(TRAINEE, ledger, days);
        assertThat(advance.events().stream()
                        .filter(e -> e.type().equals(AppealService.RETRO_EVENT))
                        .toList())
                .as(drill.id())
                .singleElement()
                .satisfies(e -> {
                    ActionAnswer decided = (ActionAnswer) e.detail();
                    assertThat(decided.status()).as(decided.explanation()).isEqualTo("RETRO_AUTH_APPROVED");
                    assertThat(decided.paid()).as(drill.id()).isPositive();
                    assertThat(decided.score())
                            .as(drill.id() + ": " + decided.feedback())
                            .isEqualTo(100);
                });
    }

    static ActionRequest rightAnswer(Drill drill, AppealService.WorkItem item) {
        return new ActionRequest(
                "APPEAL",
                null,
                new ActionRequest.LetterBody(
                        "The " + drill.denial().label() + " denial of line " + drill.line() + " is wrong.",
                        "The record supports " + item.row().code() + " as billed: " + drill.rationale(),
                        drill.documentation().stream().map(RecordDocument::id).toList(),
                        "Reprocess the line and pay it under the fee schedule.",
                        null),
                null,
                null,
                null);
    }

    static List<String> labels(List<Adjustment> adjustments) {
        return adjustments.stream().map(Adjustment::label).toList();
    }
}
