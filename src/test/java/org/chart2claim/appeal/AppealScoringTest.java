package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppealScoringTest {
    static final Denial DRILL = new Denial(
            "CO",
            "197",
            List.of(),
            "47562",
            Support.AS_BILLED,
            "ppo-sim",
            true,
            false,
            new Denial.Expectation(
                    List.of(AppealAction.APPEAL),
                    List.of(RecordDocument.AUTHORIZATION),
                    null,
                    "The authorization was on file.",
                    "Drill d"));
    static final AppealLetter GOOD = new AppealLetter(
            "Denied CO-197 in error",
            "Authorization PA-26-0418832 was approved for this member and code before surgery.",
            List.of(RecordDocument.AUTHORIZATION),
            "Reprocess and pay line 1");

    static AppealScoring.Score score(Denial d, AppealScoring.Work w) {
        return AppealScoring.score(d, ActionTable.expectationFor(d), w);
    }

    @Test
    void aWonTimelyCompleteAppealScoresFullMarks() {
        AppealScoring.Score s =
                score(DRILL, new AppealScoring.Work(AppealAction.APPEAL, null, true, GOOD, new BigDecimal("812.40")));
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.available()).isEqualTo(100);
        assertThat(s.feedbackText()).contains("Right action").contains("Recovered $812.40");
    }

    @Test
    void eachMissingLetterElementCostsItsPointsAndSaysWhy() {
        AppealLetter thin = new AppealLetter("", "pay me", List.of(RecordDocument.NOTE), "");
        AppealScoring.Score s =
                score(DRILL, new AppealScoring.Work(AppealAction.APPEAL, null, true, thin, BigDecimal.ZERO));
        // action 50 + timely 20 + identifiers 4; no CARC, no argument, wrong documentation, no outcome, no money
        assertThat(s.earned()).isEqualTo(74);
        assertThat(s.score()).isEqualTo(74);
        assertThat(s.feedbackText())
                .contains("CO-197")
                .contains("argument")
                .contains(RecordDocument.AUTHORIZATION.label())
                .contains("Say what you ask for")
                .contains("none was recovered");
    }

    @Test
    void theWrongActionEarnsNoActionPointsAndNamesTheRightOne() {
        AppealScoring.Score s = score(
                DRILL,
                new AppealScoring.Work(
                        AppealAction.WRITE_OFF, WriteOffReason.ADMINISTRATIVE, true, null, BigDecimal.ZERO));
        assertThat(s.earned()).isEqualTo(AppealScoring.TIMELINESS_POINTS);
        assertThat(s.score()).isEqualTo(25);
        assertThat(s.feedbackText()).contains("would appeal here, not write off");
    }

    @Test
    void aWriteOffWithTheWrongReasonEarnsHalfTheActionPoints() {
        Denial late = new Denial("CO", "29", List.of(), "99213", Support.AS_BILLED, "ppo-sim", false, false, null);
        AppealScoring.Score right = score(
                late, new AppealScoring.Work(AppealAction.WRITE_OFF, WriteOffReason.TIMELY_FILING, true, null, null));
        AppealScoring.Score wrongReason = score(
                late, new AppealScoring.Work(AppealAction.WRITE_OFF, WriteOffReason.SMALL_BALANCE, true, null, null));
        assertThat(right.score()).isEqualTo(100);
        assertThat(wrongReason.earned()).isEqualTo(55);
        assertThat(wrongReason.feedbackText()).contains("Timely filing");
    }

    @Test
    void lateWorkLosesTheTimelinessPoints() {
        Denial contractual =
                new Denial("CO", "45", List.of(), "99213", Support.AS_BILLED, "ppo-sim", false, false, null);
        AppealScoring.Score s =
                score(contractual, new AppealScoring.Work(AppealAction.NO_ACTION, null, false, null, null));
        assertThat(s.earned()).isEqualTo(60);
        assertThat(s.feedbackText()).contains("after the deadline");
    }

    @Test
    void billingThePatientRecoversThePatientsShare() {
        Denial coinsurance =
                new Denial("PR", "2", List.of(), "99213", Support.AS_BILLED, "medicare-sim", false, false, null);
        AppealScoring.Score s = score(
                coinsurance,
                new AppealScoring.Work(AppealAction.BILL_PATIENT, null, true, null, new BigDecimal("18.20")));
        assertThat(s.score()).isEqualTo(100);
        AppealScoring.Score nothing = score(
                coinsurance,
                new AppealScoring.Work(AppealAction.WRITE_OFF, WriteOffReason.SMALL_BALANCE, true, null, null));
        assertThat(nothing.score()).isEqualTo(25);
    }
}
