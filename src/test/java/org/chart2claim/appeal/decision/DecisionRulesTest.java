package org.chart2claim.appeal.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.appeal.AppealAction;
import org.chart2claim.appeal.AppealLetter;
import org.chart2claim.appeal.AppealLevels;
import org.chart2claim.appeal.Denial;
import org.chart2claim.appeal.RecordDocument;
import org.chart2claim.appeal.Support;
import org.junit.jupiter.api.Test;

/** Every rule of the payer's appeals unit, through the standard registry (so its order is tested too). */
class DecisionRulesTest {
    static final AppealLevels LEVELS = AppealLevels.parse("""
            - payer: medicare-sim
              clericalErrors: reopening
              levels:
                - {level: 1, name: Redetermination, filingDays: 120, responseDays: 60}
                - {level: 2, name: Reconsideration, filingDays: 180, responseDays: 60}
                - {level: 3, name: ALJ hearing, filingDays: 60, responseDays: 90, amountInControversy: 190.00}
            - payer: ppo-sim
              clericalErrors: corrected-claim
              levels:
                - {level: 1, name: First internal, filingDays: 180, responseDays: 30}
            """);
    static final LocalDate REMITTED = LocalDate.of(2026, 3, 21);
    static final Denial.Expectation AUTH_DRILL = new Denial.Expectation(
            List.of(AppealAction.APPEAL), List.of(RecordDocument.AUTHORIZATION), null, "on file", "Drill d");
    static final AppealLetter FULL_LETTER = new AppealLetter(
            "CO-197: authorization was on file",
            "Authorization PA-1 covers this member, code and date; it was approved before the surgery.",
            List.of(RecordDocument.AUTHORIZATION, RecordDocument.NOTE),
            "Reprocess line 1 and pay it.");

    final DecisionRegistry registry = DecisionRegistry.standard();

    static AppealCase appeal(String payer, Denial d, int requested, int next, LocalDate filed, AppealLetter letter) {
        return new AppealCase(
                d,
                LEVELS.of(payer).orElseThrow(),
                requested,
                next,
                filed,
                REMITTED.plusDays(120),
                new BigDecimal("250.00"),
                letter);
    }

    static Denial drillDenial() {
        return new Denial("CO", "197", List.of(), "47562", Support.AS_BILLED, "medicare-sim", true, false, AUTH_DRILL);
    }

    @Test
    void overturnedWhenThePayerErredAndTheLetterSendsTheProof() {
        AppealDecision d =
                registry.decide(appeal("medicare-sim", drillDenial(), 1, 1, REMITTED.plusDays(10), FULL_LETTER));
        assertThat(d.outcome()).isEqualTo(Outcome.OVERTURNED);
        assertThat(d.rule()).isEqualTo("OverturnRule");
        assertThat(d.explanation()).contains("47562").contains("CO-197");
    }

    @Test
    void upheldWhenTheRecordSupportsOnlyALowerLevel() {
        Denial upcoded = new Denial(
                "CO", "150", List.of("N22"), "99215", Support.CODED_DIFFERENTLY, "medicare-sim", false, false, null);
        AppealDecision d = registry.decide(appeal("medicare-sim", upcoded, 1, 1, REMITTED.plusDays(5), FULL_LETTER));
        assertThat(d.outcome()).isEqualTo(Outcome.UPHELD);
        assertThat(d.rule()).isEqualTo("RecordDoesNotSupportRule");
        assertThat(d.explanation()).contains("lower level");
    }

    @Test
    void upheldWhenATimelyFilingDenialComesWithoutProof() {
        Denial late = new Denial("CO", "29", List.of(), "99213", Support.AS_BILLED, "ppo-sim", false, false, null);
        AppealDecision d = registry.decide(appeal("ppo-sim", late, 1, 1, REMITTED.plusDays(5), FULL_LETTER));
        assertThat(d.outcome()).isEqualTo(Outcome.UPHELD);
        assertThat(d.rule()).isEqualTo("PayerPolicyRule");
        assertThat(d.explanation()).contains("no proof");
    }

    @Test
    void aTimelyFilingDenialWithProofIsOverturnedOnlyWhenTheProofIsSent() {
        Denial proven = new Denial("CO", "29", List.of(), "99213", Support.AS_BILLED, "ppo-sim", false, true, null);
        AppealDecision without = registry.decide(appeal("ppo-sim", proven, 1, 1, REMITTED.plusDays(5), FULL_LETTER));
        assertThat(without.outcome()).isEqualTo(Outcome.UPHELD);
        assertThat(without.rule()).isEqualTo("MissingDocumentationRule");
        AppealLetter withProof = new AppealLetter(
                "CO-29", FULL_LETTER.argument(), List.of(RecordDocument.TIMELY_FILING_PROOF), "Pay it");
        assertThat(registry.decide(appeal("ppo-sim", proven, 1, 1, REMITTED.plusDays(5), withProof))
                        .outcome())
                .isEqualTo(Outcome.OVERTURNED);
    }

    @Test
    void upheldWhenTheLetterLacksTheDocumentationThatShowsTheError() {
        AppealLetter noAuth = new AppealLetter("CO-197", FULL_LETTER.argument(), List.of(RecordDocument.NOTE), "Pay");
        AppealDecision d = registry.decide(appeal("medicare-sim", drillDenial(), 1, 1, REMITTED.plusDays(10), noAuth));
        assertThat(d.outcome()).isEqualTo(Outcome.UPHELD);
        assertThat(d.rule()).isEqualTo("MissingDocumentationRule");
        assertThat(d.explanation()).contains(RecordDocument.AUTHORIZATION.label());
    }

    @Test
    void dismissedWhenFiledAfterTheDeadlineEvenIfItWouldWin() {
        AppealDecision d =
                registry.decide(appeal("medicare-sim", drillDenial(), 1, 1, REMITTED.plusDays(121), FULL_LETTER));
        assertThat(d.outcome()).isEqualTo(Outcome.DISMISSED);
        assertThat(d.rule()).isEqualTo("LateFilingRule");
        assertThat(d.explanation()).contains("1 day after");
    }

    @Test
    void filedOnTheDeadlineIsInTime() {
        AppealDecision d =
                registry.decide(appeal("medicare-sim", drillDenial(), 1, 1, REMITTED.plusDays(120), FULL_LETTER));
        assertThat(d.outcome()).isEqualTo(Outcome.OVERTURNED);
    }

    @Test
    void dismissedWhenALevelIsSkipped() {
        AppealDecision d =
                registry.decide(appeal("medicare-sim", drillDenial(), 2, 1, REMITTED.plusDays(10), FULL_LETTER));
        assertThat(d.outcome()).isEqualTo(Outcome.DISMISSED);
        assertThat(d.rule()).isEqualTo("SkippedLevelRule");
        assertThat(d.explanation()).contains("Redetermination");
    }

    @Test
    void dismissedBelowTheAmountInControversyOfTheHearingLevel() {
        AppealCase small = new AppealCase(
                drillDenial(),
                LEVELS.of("medicare-sim").orElseThrow(),
                3,
                3,
                REMITTED.plusDays(10),
                REMITTED.plusDays(60),
                new BigDecimal("120.00"),
                FULL_LETTER);
        AppealDecision d = registry.decide(small);
        assertThat(d.outcome()).isEqualTo(Outcome.DISMISSED);
        assertThat(d.rule()).isEqualTo("AmountInControversyRule");
        assertThat(d.explanation()).contains("190.00").contains("120.00");
    }

    @Test
    void aClericalErrorIsDismissedAtMedicareAndUpheldOnTheRecordElsewhere() {
        Denial missing25 = new Denial(
                "CO", "97", List.of("M15"), "99213", Support.CODED_DIFFERENTLY, "medicare-sim", false, false, null);
        AppealDecision medicare =
                registry.decide(appeal("medicare-sim", missing25, 1, 1, REMITTED.plusDays(3), FULL_LETTER));
        assertThat(medicare.outcome()).isEqualTo(Outcome.DISMISSED);
        assertThat(medicare.rule()).isEqualTo("ClericalErrorRule");
        assertThat(medicare.explanation()).contains("corrected claim");
        AppealDecision ppo = registry.decide(appeal("ppo-sim", missing25, 1, 1, REMITTED.plusDays(3), FULL_LETTER));
        assertThat(ppo.outcome()).isEqualTo(Outcome.UPHELD);
        assertThat(ppo.rule()).isEqualTo("RecordDoesNotSupportRule");
    }

    @Test
    void theRegistryChecksWhetherAnAppealCanBeHeardBeforeItsMerits() {
        assertThat(registry.names())
                .containsExactly(
                        "LateFilingRule",
                        "SkippedLevelRule",
                        "AmountInControversyRule",
                        "ClericalErrorRule",
                        "RecordDoesNotSupportRule",
                        "PayerPolicyRule",
                        "MissingDocumentationRule",
                        "OverturnRule");
    }
}
