package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;

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
