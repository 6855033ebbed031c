package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.account.UserAccount;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamRecords.ItemRow;
import org.chart2claim.assessment.ExamRecords.SessionRow;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gradebooks per cohort and per exam, the per-student domain report, and item analysis, for instructors. */
@Service
public class GradebookService {

    private final ExamStore store;
    private final AssessmentService assessments;
    private final CohortService cohorts;
    private final ScenarioLibrary library;
    private final AttemptService attempts;

    public GradebookService(
            ExamStore store,
            AssessmentService assessments,
            CohortService cohorts,
            ScenarioLibrary library,
            AttemptService attempts) {
        this.store = store;
        this.assessments = assessments;
        this.cohorts = cohorts;
        this.library = library;
        this.attempts = attempts;
    }

    /** The cohorts whose gradebook the viewer may read (admins: all). */
    @Transactional(readOnly = true)
    public List<Cohort> cohortsOf(String viewer, Set<Role> roles) {
        return roles.contains(Role.ADMIN) ? cohorts.findAll() : cohorts.findForInstructor(viewer);
    }

    /**
     * A cohort's gradebook: its students × the exams assigned to it (its own and cohort-less ones the viewer
     * manages) and the scenarios any of its students practised.
     */
    @Transactional(readOnly = true)
    public Gradebook.Table cohort(long cohortId, String viewer, Set<Role> roles) {
        Cohort cohort = cohortsOf(viewer, roles).stream()
                .filter(c -> c.getId() == cohortId)
                .findFirst()
                .orElseThrow(() -> AssessmentException.notFound("No cohort " + cohortId + "."));
        List<String> students = cohort.getStudents().stream()
                .map(UserAccount::getUsername)
                .sorted()
                .toList();
        List<Gradebook.Column> exams = new ArrayList<>();
        Map<String, List<SessionRow>> sessions = new LinkedHashMap<>();
        Set<String> accommodated = new HashSet<>();
        for (AssessmentRow a : assessments.managedBy(viewer, roles)) {
            if (a.cohortId() != null && a.cohortId() != cohortId) {
                continue;
            }
            String id = String.valueOf(a.id());
            exams.add(new Gradebook.Column("exam", id, a.title()));
            sessions.put(id, store.sessionsOf(a.id()));
            store.accommodations(a.id()).stream()
                    .filter(ExamRecords.Accommodation::isAny)
                    .forEach(acc -> accommodated.add(id + "|" + acc.username()));
        }
        Map<String, Map<String, Integer>> practice = new LinkedHashMap<>();
        Set<String> practised = new java.util.TreeSet<>();
        for (String student : students) {
            Map<String, Integer> counted = attempts.countedScores(student);
            practice.put(student, counted);
            practised.addAll(counted.keySet());
        }
        List<Gradebook.Column> scenarios = practised.stream()
                .map(id -> new Gradebook.Column(
                        "scenario", id, library.find(id).map(Scenario::title).orElse(id)))
                .toList();
        return Gradebook.build(students, exams, sessions, accommodated, scenarios, practice);
    }

    /** One exam's gradebook as CSV: every assigned student with their best/last score, time used and marks. */
    @Transactional(readOnly = true)
    public String assessmentCsv(long assessmentId, String viewer, Set<Role> roles) {
        AssessmentRow a = assessments.managed(assessmentId, viewer, roles);
        String id = String.valueOf(a.id());
        Set<String> accommodated = new HashSet<>();
        store.accommodations(a.id()).stream()
                .filter(ExamRecords.Accommodation::isAny)
                .forEach(acc -> accommodated.add(id + "|" + acc.username()));
        List<SessionRow> sessions = store.sessionsOf(a.id());
        Set<String> students = new java.util.TreeSet<>(assessments.studentsOf(a));
        sessions.forEach(s -> students.add(s.username()));
        return Gradebook.csv(Gradebook.build(
                List.copyOf(students),
                List.of(new Gradebook.Column("exam", id, a.title())),
                Map.of(id, sessions),
                accommodated,
                List.of(),
                Map.of()));
    }

    /** A student's percent per domain over all their submitted exam items (instructor's per-student report). */
    @Transactional(readOnly = true)
    public Map<String, Integer> domainReport(String student, String viewer, Set<Role> roles) {
        List<ExamScoring.ScoredItem> scored = new ArrayList<>();
        for (SessionRow s : store.sessionsOfUser(student)) {
            if (s.status() != SessionStatus.SUBMITTED) {
                continue;
            }
            AssessmentRow a = store.assessment(s.assessmentId()).orElseThrow();
            if (!assessments.mayManage(a, viewer, roles)) {
                continue;
            }
            for (ItemRow i : store.items(s.id())) {
                scored.add(new ExamScoring.ScoredItem(i.domain(), i.score() == null ? 0 : i.score()));
            }
        }
        return ExamScoring.byDomain(scored);
    }

    @Transactional(readOnly = true)
    public ItemAnalysis.Report itemAnalysis(long assessmentId, String viewer, Set<Role> roles) {
        assessments.managed(assessmentId, viewer, roles);
        return ItemAnalysis.analyse(responses(store.itemsOfAssessment(assessmentId)));
    }

    /** Item analysis across the whole bank: every submitted session of every exam the viewer manages. */
    @Transactional(readOnly = true)
    public ItemAnalysis.Report bankAnalysis(String viewer, Set<Role> roles) {
        Set<Long> managed = new HashSet<>();
        assessments.managedBy(viewer, roles).forEach(a -> managed.add(a.id()));
        List<ItemRow> items = new ArrayList<>();
        for (long id : managed) {
            items.addAll(store.itemsOfAssessment(id));
        }
        return ItemAnalysis.analyse(responses(items));
    }

    private static List<ItemAnalysis.SessionResponses> responses(List<ItemRow> items) {
        Map<String, List<ItemAnalysis.Response>> bySession = new LinkedHashMap<>();
        for (ItemRow i : items) {
            bySession
                    .computeIfAbsent(i.sessionId(), k -> new ArrayList<>())
                    .add(new ItemAnalysis.Response(
                            i.type(),
                            i.ref(),
                            i.domain(),
                            i.choice(),
                            i.answerKey(),
                            i.score() == null ? 0 : i.score(),
                            i.resultJson() == null
                                    ? null
                                    : ExamStore.JSON.readValue(i.resultJson(), GradeResult.class)));
        }
        List<ItemAnalysis.SessionResponses> out = new ArrayList<>();
        bySession.forEach((id, list) -> out.add(new ItemAnalysis.SessionResponses(id, list)));
        return out;
    }
}
