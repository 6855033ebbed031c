package org.chart2claim.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.springframework.jdbc.core.JdbcTemplate;

/** A cohort of fresh students and exams for it, in the shared test database (no test sees another's data). */
public final class ExamFixtures {

    public static final String PASSWORD = "exam-student-pass-1";
    public static final Set<Role> INSTRUCTOR = EnumSet.of(Role.INSTRUCTOR);

    private final AccountService accounts;
    private final CohortService cohorts;
    private final AssessmentService assessments;
    private final JdbcTemplate jdbc;

    public final long cohortId;
    public final List<String> students = new ArrayList<>();

    public ExamFixtures(
            AccountService accounts, CohortService cohorts, AssessmentService assessments, JdbcTemplate jdbc, int n) {
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.assessments = assessments;
        this.jdbc = jdbc;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Cohort cohort = cohorts.create("exam-" + tag, "", "instructor");
        cohortId = cohort.getId();
        for (int i = 1; i <= n; i++) {
            String name = "ex" + tag + "s" + i;
            accounts.create(name, name, PASSWORD, EnumSet.of(Role.STUDENT));
            cohorts.enrol(cohortId, name);
            students.add(name);
        }
    }

    public static Composition sixQuestions() {
        return Composition.fixed(List.of(
                new Composition.ItemRef(ItemType.QUESTION, "icd-t01"),
                new Composition.ItemRef(ItemType.QUESTION, "icd-t02"),
                new Composition.ItemRef(ItemType.QUESTION, "em-t01"),
                new Composition.ItemRef(ItemType.QUESTION, "em-t02"),
                new Composition.ItemRef(ItemType.QUESTION, "hc-t01"),
                new Composition.ItemRef(ItemType.QUESTION, "co-t01")));
    }

    public AssessmentSpec spec(String title, Composition composition, ReleaseMode release, boolean shuffle) {
        Instant now = Instant.now();
        return new AssessmentSpec(
                title,
                cohortId,
                60,
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(8)),
                1,
                false,
                shuffle,
                release,
                1,
                0,
                composition);
    }

    public long exam(AssessmentSpec spec) {
        return assessments.create(spec, "instructor", INSTRUCTOR);
    }

    /** The time passes: the session's deadline (part or break end) is moved into the past. */
    public void expire(String sessionId) {
        jdbc.update(
                "UPDATE exam_session SET deadline = ? WHERE id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1),
                sessionId);
    }

    public long events(String sessionId, String kind) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM exam_session_event WHERE session_id = ? AND kind = ?",
                Long.class,
                sessionId,
                kind);
    }
}
