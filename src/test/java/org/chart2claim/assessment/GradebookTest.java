package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chart2claim.assessment.ExamRecords.SessionRow;
import org.junit.jupiter.api.Test;

/** The gradebook's cells (best, last, time, marks), the table and its CSV. */
class GradebookTest {

    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    private static SessionRow session(
            String user, int attempt, SessionStatus status, Integer score, String by, int extended) {
        return new SessionRow(
                "s" + user + attempt,
                1,
                user,
                attempt,
                status,
                1,
                T,
                T,
                T,
                60,
                0,
                extended,
                T,
                status == SessionStatus.SUBMITTED ? T : null,
                by,
                null,
                score,
                status == SessionStatus.SUBMITTED ? 1800 + attempt * 60 : null);
    }

    @Test
    void aCellHoldsTheBestAndTheLastScoreTheLastTimeAndTheMarks() {
        Gradebook.ExamCell cell = Gradebook.cell(
                List.of(
                        session("ann", 1, SessionStatus.SUBMITTED, 82, "STUDENT", 0),
                        session("ann", 2, SessionStatus.SUBMITTED, 64, "AUTO", 10)),
                true);
        assertThat(cell.best()).isEqualTo(82);
        assertThat(cell.last()).isEqualTo(64);
        assertThat(cell.timeUsedSeconds()).isEqualTo(1920);
        assertThat(cell.marks()).containsExactly("auto", "extended", "accommodated");
        assertThat(cell.text()).isEqualTo("82 (last 64) [auto, extended, accommodated]");
        assertThat(Gradebook.cell(List.of(), false).text()).isEmpty();
        assertThat(Gradebook.cell(List.of(session("bo", 1, SessionStatus.IN_PROGRESS, null, null, 0)), false)
                        .text())
                .isEqualTo("– [running]");
        assertThat(Gradebook.cell(List.of(session("cy", 1, SessionStatus.SUBMITTED, 70, "PROCTOR", 0)), false)
                        .text())
                .isEqualTo("70 [closed]");
    }

    @Test
    void theTableAndItsCsvQuotingEveryTextAndDefusingFormulas() {
        Gradebook.Table table = Gradebook.build(
                List.of("ann", "=bob"),
                List.of(new Gradebook.Column("exam", "1", "Midterm, \"A\"")),
                Map.of("1", List.of(session("ann", 1, SessionStatus.SUBMITTED, 90, "STUDENT", 0))),
                Set.of("1|=bob"),
                List.of(new Gradebook.Column("scenario", "pc-004", "Strep")),
                Map.of("ann", Map.of("pc-004", 75)));
        assertThat(table.rows()).extracting(Gradebook.Row::username).containsExactly("ann", "=bob");
        assertThat(Gradebook.csv(table).split("\r\n"))
                .containsExactly(
                        "student,\"Midterm, \"\"A\"\" best\",\"Midterm, \"\"A\"\" last\",\"Midterm, \"\"A\"\" minutes used\","
                                + "\"Midterm, \"\"A\"\" marks\",\"Strep\"",
                        "\"ann\",90,90,31,\"\",75",
                        "\"'=bob\",,,,\"accommodated\",");
    }
}
