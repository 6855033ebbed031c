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
}
