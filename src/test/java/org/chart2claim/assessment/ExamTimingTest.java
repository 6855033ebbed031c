package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clock rules: accommodations, parts, the window cap, the late boundary and the warnings. */
class ExamTimingTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void extraTimeIsAPercentageRoundedUpToTheMinute() {
        assertThat(ExamTiming.accommodatedMinutes(240, 0)).isEqualTo(240);
        assertThat(ExamTiming.accommodatedMinutes(240, 50)).isEqualTo(360);
        assertThat(ExamTiming.accommodatedMinutes(240, 100)).isEqualTo(480);
        assertThat(ExamTiming.accommodatedMinutes(45, 25)).isEqualTo(57); // 56.25 → 57
        assertThat(ExamTiming.accommodatedMinutes(1, 1)).isEqualTo(2); // 1.01 → 2
    }

    @Test
    void twoPartsShareTheTimeTheFirstTakingTheLargerHalf() {
        assertThat(ExamTiming.partMinutes(240, 1, 1)).isEqualTo(240);
        assertThat(ExamTiming.partMinutes(240, 2, 1)).isEqualTo(120);
        assertThat(ExamTiming.partMinutes(240, 2, 2)).isEqualTo(120);
        assertThat(ExamTiming.partMinutes(361, 2, 1)).isEqualTo(181);
        assertThat(ExamTiming.partMinutes(361, 2, 2)).isEqualTo(180);
    }

    @Test
    void theDeadlineIsTheTimeLimitButNeverAfterTheWindowCloses() {
        Instant closes = Instant.parse("2026-12-01T17:00:00Z");
        assertThat(ExamTiming.deadline(NINE, 240, closes)).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        Instant late = Instant.parse("2026-12-01T15:30:00Z");
        assertThat(ExamTiming.deadline(late, 240, closes)).isEqualTo(closes);
        // +50% for an accommodated student who starts at nine: 15:00
        assertThat(ExamTiming.deadline(NINE, ExamTiming.accommodatedMinutes(240, 50), closes))
                .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    }

    @Test
    void anAnswerAtTheDeadlineIsLateOneMillisecondBeforeIsNot() {
        Instant deadline = NINE.plusSeconds(3600);
        assertThat(ExamTiming.isLate(deadline, deadline.minusMillis(1))).isFalse();
        assertThat(ExamTiming.isLate(deadline, deadline)).isTrue();
        assertThat(ExamTiming.remainingSeconds(deadline, NINE)).isEqualTo(3600);
        assertThat(ExamTiming.remainingSeconds(deadline, deadline.plusSeconds(5)))
                .isZero();
    }

    @Test
    void theClockWarnsAtThirtyAndAtFiveMinutes() {
        assertThat(ExamTiming.warning(30 * 60 + 1)).isEqualTo(ExamTiming.Warning.NONE);
        assertThat(ExamTiming.warning(30 * 60)).isEqualTo(ExamTiming.Warning.THIRTY_MINUTES);
        assertThat(ExamTiming.warning(5 * 60 + 1)).isEqualTo(ExamTiming.Warning.THIRTY_MINUTES);
        assertThat(ExamTiming.warning(5 * 60)).isEqualTo(ExamTiming.Warning.FIVE_MINUTES);
        assertThat(ExamTiming.warning(0)).isEqualTo(ExamTiming.Warning.FIVE_MINUTES);
    }

    @Test
    void anAccommodationSavedDuringAPartMovesItsDeadlineAndKeepsTheProctorsExtension() {
        Instant closes = Instant.parse("2026-12-01T17:00:00Z");
        Instant ten = Instant.parse("2026-12-01T10:00:00Z");
        // started at nine with 240 minutes (13:00); +50% → 360 minutes → 15:00
        assertThat(ExamTiming.rescheduled(NINE, Instant.parse("2026-12-01T13:00:00Z"), 240, closes, 360, closes, ten))
                .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        // a proctor had added 10 minutes (13:10): they stay on top of the new limit
        assertThat(ExamTiming.rescheduled(NINE, Instant.parse("2026-12-01T13:10:00Z"), 240, closes, 360, closes, ten))
                .isEqualTo(Instant.parse("2026-12-01T15:10:00Z"));
        // the student's own window closes at 14:00: the new deadline is capped by it
        Instant own = Instant.parse("2026-12-01T14:00:00Z");
        assertThat(ExamTiming.rescheduled(NINE, Instant.parse("2026-12-01T13:00:00Z"), 240, closes, 360, own, ten))
                .isEqualTo(own);
        // a later own close lifts a deadline the exam's close had capped: 15:30 start, capped at 17:00 → 19:30
        Instant late = Instant.parse("2026-12-01T15:30:00Z");
        assertThat(ExamTiming.rescheduled(
                        late, closes, 240, closes, 240, Instant.parse("2026-12-02T00:00:00Z"), late.plusSeconds(60)))
                .isEqualTo(Instant.parse("2026-12-01T19:30:00Z"));
        // less time than already used ends the part now, never in the past
        assertThat(ExamTiming.rescheduled(NINE, Instant.parse("2026-12-01T15:00:00Z"), 360, closes, 30, closes, ten))
                .isEqualTo(ten);
    }
}
