package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.ExamViews.SessionView;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An accommodation saved while the student's session runs moves that session's stored deadline in the same
 * transaction: more or less extra time, the student's own window, a proctor's extension kept on top, a session
 * whose time had already run out stays submitted, and a session on its break takes the new extra time into part 2.
 */
@IntegrationTest
class AccommodationDuringSessionTest {

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ExamSessionService sessions;

    @Autowired
    ExamStore store;

    @Autowired
    JdbcTemplate jdbc;

    ExamFixtures fx;

    @BeforeEach
    void cohort() {
        fx = new ExamFixtures(accounts, cohorts, assessments, jdbc, 3);
    }

    private Accommodate accommodate(long id, String student) {
        return (extra, closes) ->
                assessments.accommodate(id, "instructor", EnumSet.of(Role.INSTRUCTOR), student, extra, null, closes, 0);
    }

    interface Accommodate {
        void save(int extraTimePercent, Instant closes);
    }

    /** The deadline as the database holds it (what every server reads). */
    private Instant storedDeadline(String sid) {
        return jdbc.queryForObject("SELECT deadline FROM exam_session WHERE id = ?", OffsetDateTime.class, sid)
                .toInstant();
    }

    @Test
    void extraTimeAndTheOwnWindowSavedDuringTheSessionMoveItsStoredDeadline() {
        long id =
                fx.exam(fx.spec("Accommodated while running", ExamFixtures.sixQuestions(), ReleaseMode.MANUAL, false));
        String student = fx.students.get(0);
        String other = fx.students.get(1);
        SessionView started = sessions.start(id, student).session();
        SessionView untouched = sessions.start(id, other).session();
        Instant start = store.session(started.sessionId()).orElseThrow().partStartedAt();
        assertThat(storedDeadline(started.sessionId())).isEqualTo(start.plus(Duration.ofMinutes(60)));

        // a proctor's 10 minutes first, then +50%: 60 → 90 minutes, the 10 stay on top
        sessions.extend(started.sessionId(), 10, "instructor", EnumSet.of(Role.INSTRUCTOR));
        accommodate(id, student).save(50, null);
        assertThat(storedDeadline(started.sessionId())).isEqualTo(start.plus(Duration.ofMinutes(100)));
        SessionView seen = sessions.session(started.sessionId(), student);
        assertThat(seen.deadline()).isEqualTo(start.plus(Duration.ofMinutes(100)));
        assertThat(seen.remainingSeconds()).isGreaterThan(95 * 60);
        assertThat(fx.events(started.sessionId(), "ACCOMMODATED")).isEqualTo(1);
        // another student's session keeps its deadline
        assertThat(storedDeadline(untouched.sessionId())).isEqualTo(untouched.deadline());

        // the student's own window closing in 20 minutes caps the time limit; the proctor's 10 minutes stay on top
        Instant closes = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        accommodate(id, student).save(50, closes);
        assertThat(storedDeadline(started.sessionId())).isEqualTo(closes.plus(Duration.ofMinutes(10)));

        // taking the accommodation back: the plain 60 minutes and the proctor's 10
        accommodate(id, student).save(0, null);
        assertThat(storedDeadline(started.sessionId())).isEqualTo(start.plus(Duration.ofMinutes(70)));
        assertThat(fx.events(started.sessionId(), "ACCOMMODATED")).isEqualTo(3);

        // answers keep being saved against the moved deadline
        sessions.answer(started.sessionId(), student, 1, ExamSessionService.AnswerInput.choice("A"));
    }

    @Test
    void aSessionWhoseTimeHadRunOutStaysSubmittedAtItsOldDeadline() {
        long id = fx.exam(fx.spec("Too late to accommodate", ExamFixtures.sixQuestions(), ReleaseMode.MANUAL, false));
        String student = fx.students.get(0);
        String sid = sessions.start(id, student).session().sessionId();
        fx.expire(sid);
        Instant expired = storedDeadline(sid);

        accommodate(id, student).save(100, null);

        var s = store.session(sid).orElseThrow();
        assertThat(s.status()).isEqualTo(SessionStatus.SUBMITTED);
        assertThat(s.submittedAt()).isEqualTo(expired);
        assertThat(storedDeadline(sid)).isEqualTo(expired);
        assertThat(fx.events(sid, "AUTO_SUBMITTED")).isEqualTo(1);
        assertThat(fx.events(sid, "ACCOMMODATED")).isZero();
    }

    @Test
    void aSessionOnItsBreakTakesTheNewExtraTimeIntoPartTwo() {
        AssessmentSpec one = fx.spec("Two parts", ExamFixtures.sixQuestions(), ReleaseMode.MANUAL, false);
        long id = fx.exam(new AssessmentSpec(
                one.title(),
                one.cohortId(),
                60,
                one.opensAt(),
                one.closesAt(),
                1,
                false,
                false,
                ReleaseMode.MANUAL,
                2,
                10,
                one.composition()));
        String student = fx.students.get(0);
        String sid = sessions.start(id, student).session().sessionId();
        assertThat(sessions.submit(sid, student).status()).isEqualTo(SessionStatus.ON_BREAK);
        Instant breakEnds = storedDeadline(sid);

        accommodate(id, student).save(100, null); // 60 → 120 minutes: 60 per part

        assertThat(storedDeadline(sid)).isEqualTo(breakEnds); // the break is the break
        SessionView part2 = sessions.continueAfterBreak(sid, student);
        assertThat(part2.part()).isEqualTo(2);
        assertThat(part2.deadline())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(60)), within(10, ChronoUnit.SECONDS));
    }
}
