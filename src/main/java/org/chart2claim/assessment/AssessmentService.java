package org.chart2claim.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.account.UserAccount;
import org.chart2claim.assessment.ExamRecords.Accommodation;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamRecords.SessionRow;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing exams, assigning them, accommodations and the release of results. Who may see or manage an exam is
 * decided here: an exam without a cohort is for every student and every instructor; one with a cohort is for its
 * students and instructors (and its creator); administrators see everything. Anything else is "not found".
 */
@Service
public class AssessmentService {

    private final ExamStore store;
    private final QuestionBank bank;
    private final ScenarioLibrary library;
    private final CohortService cohorts;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    final Clock clock = Clock.systemUTC();

    public AssessmentService(
            ExamStore store,
            QuestionBank bank,
            ScenarioLibrary library,
            CohortService cohorts,
            AccountService accounts,
            ApplicationEventPublisher events) {
        this.store = store;
        this.bank = bank;
        this.library = library;
        this.cohorts = cohorts;
        this.accounts = accounts;
        this.events = events;
    }

    /** Validates and stores an exam; returns its id. Nothing is stored when anything is wrong. */
    @Transactional
    public long create(AssessmentSpec spec, String instructor, Set<Role> roles) {
        List<String> problems = problems(spec, instructor, roles);
        if (!problems.isEmpty()) {
            throw AssessmentException.invalid(String.join(" ", problems));
        }
        return store.insertAssessment(new AssessmentRow(
                0,
                spec.title().strip(),
                instructor,
                spec.cohortId(),
                spec.timeLimitMinutes(),
                spec.opensAt(),
                spec.closesAt(),
                spec.attemptsAllowed(),
                spec.openBook(),
                spec.shuffle(),
                spec.release(),
                null,
                spec.parts(),
                spec.parts() == 2 ? spec.breakMinutes() : 0,
                spec.composition(),
                clock.instant()));
    }

    /** Everything wrong with a spec, in words for the instructor; empty when it can be stored. */
    public List<String> problems(AssessmentSpec spec, String instructor, Set<Role> roles) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return List.of("The request has no body.");
        }
        if (spec.title() == null
                || spec.title().isBlank()
                || spec.title().strip().length() > 200) {
            problems.add("A title of 1–200 characters is required.");
        }
        if (spec.timeLimitMinutes() < 1 || spec.timeLimitMinutes() > AssessmentSpec.MAX_TIME_LIMIT_MINUTES) {
            problems.add("timeLimitMinutes must be 1–" + AssessmentSpec.MAX_TIME_LIMIT_MINUTES + ".");
        }
        if (spec.opensAt() == null || spec.closesAt() == null) {
            problems.add("opensAt and closesAt are required (ISO instants such as 2026-12-01T09:00:00Z).");
        } else if (!spec.closesAt().isAfter(spec.opensAt())) {
            problems.add("closesAt must be after opensAt.");
        }
        if (spec.attemptsAllowed() < 1 || spec.attemptsAllowed() > AssessmentSpec.MAX_ATTEMPTS) {
            problems.add("attemptsAllowed must be 1–" + AssessmentSpec.MAX_ATTEMPTS + ".");
        }
        if (spec.release() == null) {
            problems.add("release must be ON_SUBMIT, ON_CLOSE or MANUAL.");
        }
        if (spec.parts() != 1 && spec.parts() != 2) {
            problems.add("parts must be 1 or 2.");
        }
        if (spec.breakMinutes() < 0 || spec.breakMinutes() > AssessmentSpec.MAX_BREAK_MINUTES) {
            problems.add("breakMinutes must be 0–" + AssessmentSpec.MAX_BREAK_MINUTES + ".");
        }
        if (spec.cohortId() != null) {
            Optional<Cohort> cohort = cohorts.findAll().stream()
                    .filter(c -> c.getId().equals(spec.cohortId()))
                    .findFirst();
            if (cohort.isEmpty()) {
                problems.add("There is no cohort " + spec.cohortId() + ".");
            } else if (!roles.contains(Role.ADMIN) && !teachesCohort(cohort.get(), instructor)) {
                problems.add("You do not teach cohort " + cohort.get().getName() + ".");
            }
        }
        problems.addAll(compositionProblems(spec.composition(), spec.parts()));
        return problems;
    }

    private List<String> compositionProblems(Composition c, int parts) {
        List<String> problems = new ArrayList<>();
        if (c == null || (c.items().isEmpty() == c.blueprint().isEmpty())) {
            return List.of("Give either items (fixed questions and scenarios) or a blueprint (counts per domain, tag or"
                    + " scenario draw), not both.");
        }
        if (c.size() > Composition.MAX_ITEMS) {
            problems.add("An exam holds at most " + Composition.MAX_ITEMS + " items.");
        }
        if (c.size() < parts) {
            problems.add("A two-part exam needs at least two items.");
        }
        Set<String> seen = new HashSet<>();
        for (Composition.ItemRef ref : c.items()) {
            if (ref == null || ref.type() == null || ref.id() == null) {
                problems.add("Every item needs a type (QUESTION or SCENARIO) and an id.");
                continue;
            }
            if (!seen.add(ref.type() + ":" + ref.id())) {
                problems.add(ref.id() + " is listed twice.");
            }
            boolean exists = ref.type() == ItemType.QUESTION
                    ? bank.isActive(ref.id())
                    : library.find(ref.id()).isPresent();
            if (!exists) {
                problems.add(
                        "There is no " + ref.type().name().toLowerCase(java.util.Locale.ROOT) + " " + ref.id() + ".");
            }
        }
        Set<String> keys = new HashSet<>();
        for (Composition.BlueprintEntry entry : c.blueprint()) {
            if (entry == null) {
                problems.add("A blueprint entry is empty.");
                continue;
            }
            problems.addAll(
                    BlueprintCheck.problems(entry, keys, candidates(entry).size()));
        }
        return problems;
    }

    /**
     * The items a blueprint entry draws from: the bank's questions of a domain or a tag (retired ones excluded), or
     * the library's scenarios of a specialty, a tag, or all of them (retired ones excluded).
     */
    public List<ItemDraw.Candidate> candidates(Composition.BlueprintEntry entry) {
        if (entry.itemType() == ItemType.SCENARIO) {
            return scenarioCandidates(entry).stream()
                    .map(s -> ItemDraw.Candidate.scenario(s.id()))
                    .toList();
        }
        List<Question> questions = entry.domain() != null
                ? QuestionDomain.byId(entry.domain()).map(bank::inDomain).orElse(List.of())
                : bank.all().stream()
                        .filter(q -> entry.tag() != null
                                && q.tags().contains(entry.tag().strip()))
                        .toList();
        return questions.stream().map(ItemDraw.Candidate::of).toList();
    }

    private List<Scenario> scenarioCandidates(Composition.BlueprintEntry entry) {
        return library.all().stream()
                .filter(s ->
                        library.catalogueEntry(s.id()).map(e -> !e.retired()).orElse(true))
                .filter(s -> BlueprintCheck.scenarioMatches(entry, s.specialty(), s.tags()))
                .toList();
    }

    /** The specialties and tags of the scenarios a blueprint may draw, each with its count (for the builder). */
    public Map<String, Integer> scenarioSpecialties() {
        Map<String, Integer> out = new TreeMap<>();
        scenarioCandidates(Composition.BlueprintEntry.scenarios(null, null, 1))
                .forEach(s -> out.merge(s.specialty(), 1, Integer::sum));
        return out;
    }

    public Map<String, Integer> scenarioTags() {
        Map<String, Integer> out = new TreeMap<>();
        scenarioCandidates(Composition.BlueprintEntry.scenarios(null, null, 1))
                .forEach(s -> s.tags().forEach(t -> out.merge(t, 1, Integer::sum)));
        return out;
    }

    /**
     * The CPC preset fitted to the bank: each domain's share, or all its questions when it has fewer (a preset over
     * a small bank says so through {@link #presetShortfall}).
     */
    public Composition cpcPresetForBank() {
        List<Composition.BlueprintEntry> entries = new ArrayList<>();
        for (Composition.BlueprintEntry e : Composition.cpcPractice().blueprint()) {
            int available = candidates(e).size();
            if (available > 0) {
                entries.add(new Composition.BlueprintEntry(e.domain(), null, Math.min(e.count(), available)));
            }
        }
        return Composition.drawn(entries);
    }

    /** How many questions the bank lacks for the full 100-question preset (0 when it is complete). */
    public int presetShortfall() {
        return 100 - cpcPresetForBank().size();
    }

    private static boolean teachesCohort(Cohort cohort, String instructor) {
        return cohort.getInstructors().stream().anyMatch(u -> u.getUsername().equalsIgnoreCase(instructor));
    }

    private static boolean inCohort(Cohort cohort, String student) {
        return cohort.getStudents().stream().anyMatch(u -> u.getUsername().equalsIgnoreCase(student));
    }

    private Optional<Cohort> cohort(Long id) {
        return id == null
                ? Optional.empty()
                : cohorts.findAll().stream().filter(c -> c.getId().equals(id)).findFirst();
    }

    /** Whether {@code viewer} may proctor, grade and change the exam. */
    public boolean mayManage(AssessmentRow a, String viewer, Set<Role> roles) {
        if (roles.contains(Role.ADMIN) || a.createdBy().equalsIgnoreCase(viewer)) {
            return true;
        }
        if (!roles.contains(Role.INSTRUCTOR)) {
            return false;
        }
        return a.cohortId() == null
                || cohort(a.cohortId()).map(c -> teachesCohort(c, viewer)).orElse(false);
    }

    /** Whether the exam is assigned to the student (no cohort: every student). */
    public boolean isAssigned(AssessmentRow a, String student) {
        return a.cohortId() == null
                || cohort(a.cohortId()).map(c -> inCohort(c, student)).orElse(false);
    }

    @Transactional(readOnly = true)
    public AssessmentRow managed(long id, String viewer, Set<Role> roles) {
        return store.assessment(id)
                .filter(a -> mayManage(a, viewer, roles))
                .orElseThrow(() -> AssessmentException.notFound("No assessment " + id + "."));
    }

    @Transactional(readOnly = true)
    public AssessmentRow assigned(long id, String student) {
        return store.assessment(id)
                .filter(a -> isAssigned(a, student))
                .orElseThrow(() -> AssessmentException.notFound("No assessment " + id + "."));
    }

    /** The exams an instructor or admin manages, newest window first. */
    @Transactional(readOnly = true)
    public List<AssessmentRow> managedBy(String viewer, Set<Role> roles) {
        return store.assessments().stream()
                .filter(a -> mayManage(a, viewer, roles))
                .toList();
    }

    /** What a student sees on the exams page. */
    public record StudentAssessment(
            AssessmentRow assessment,
            Instant opensAt,
            Instant closesAt,
            int attemptsAllowed,
            int attemptsUsed,
            boolean open,
            String runningSessionId,
            List<SessionRow> sessions) {}

    /** The student's assigned exams that are open now or that they have sat (results may be waiting). */
    @Transactional(readOnly = true)
    public List<StudentAssessment> forStudent(String student) {
        Instant now = clock.instant();
        List<StudentAssessment> out = new ArrayList<>();
        for (AssessmentRow a : store.assessments()) {
            if (!isAssigned(a, student)) {
                continue;
            }
            Accommodation acc = accommodation(a.id(), student);
            Instant opens = acc.opensAt() != null ? acc.opensAt() : a.opensAt();
            Instant closes = acc.closesAt() != null ? acc.closesAt() : a.closesAt();
            List<SessionRow> sessions = store.sessionsOf(a.id(), student);
            boolean open = !now.isBefore(opens) && now.isBefore(closes);
            String running = sessions.stream()
                    .filter(s -> s.status() != SessionStatus.SUBMITTED)
                    .map(SessionRow::id)
                    .findFirst()
                    .orElse(null);
            if (open || !sessions.isEmpty()) {
                out.add(new StudentAssessment(
                        a,
                        opens,
                        closes,
                        a.attemptsAllowed() + acc.extraAttempts(),
                        sessions.size(),
                        open,
                        running,
                        sessions));
            }
        }
        return out;
    }

    public Accommodation accommodation(long assessmentId, String username) {
        return store.accommodation(assessmentId, username).orElse(Accommodation.none(assessmentId, username));
    }

    /** The accommodations of an exam, by student, for its managers. */
    @Transactional(readOnly = true)
    public List<Accommodation> accommodations(long assessmentId, String viewer, Set<Role> roles) {
        managed(assessmentId, viewer, roles);
        return store.accommodations(assessmentId).stream()
                .sorted(java.util.Comparator.comparing(Accommodation::username))
                .toList();
    }

    /**
     * A student's accommodation was saved by {@code by}: {@code before} is what applied until now ({@link Accommodation#none}
     * when there was none). Published inside the saving transaction; {@link ExamSessionService} moves the deadline
     * of the student's running session in it.
     */
    public record AccommodationChanged(Accommodation before, Accommodation after, String by) {}

    /**
     * Sets a student's accommodation (replacing an earlier one). Sessions started afterwards use it, and a running
     * session's deadline moves in the same transaction ({@link AccommodationChanged}).
     */
    @Transactional
    public Accommodation accommodate(
            long assessmentId,
            String viewer,
            Set<Role> roles,
            String username,
            Integer extraTimePercent,
            Instant opensAt,
            Instant closesAt,
            Integer extraAttempts) {
        AssessmentRow a = managed(assessmentId, viewer, roles);
        List<String> problems = new ArrayList<>();
        Optional<UserAccount> student = findUser(username);
        if (student.isEmpty() || !student.get().hasRole(Role.STUDENT)) {
            problems.add("There is no student '" + username + "'.");
        } else if (!isAssigned(a, student.get().getUsername())) {
            problems.add(username + " is not in the exam's cohort.");
        }
        int extra = extraTimePercent == null ? 0 : extraTimePercent;
        if (extra < 0 || extra > 300) {
            problems.add("extraTimePercent must be 0–300.");
        }
        int attempts = extraAttempts == null ? 0 : extraAttempts;
        if (attempts < 0 || attempts > AssessmentSpec.MAX_ATTEMPTS) {
            problems.add("extraAttempts must be 0–" + AssessmentSpec.MAX_ATTEMPTS + ".");
        }
        Instant opens = opensAt != null ? opensAt : a.opensAt();
        Instant closes = closesAt != null ? closesAt : a.closesAt();
        if (!closes.isAfter(opens)) {
            problems.add("The student's window must close after it opens.");
        }
        if (!problems.isEmpty()) {
            throw AssessmentException.invalid(String.join(" ", problems));
        }
        Accommodation acc =
                new Accommodation(assessmentId, student.get().getUsername(), extra, opensAt, closesAt, attempts);
        Accommodation before = accommodation(assessmentId, acc.username());
        store.saveAccommodation(acc);
        events.publishEvent(new AccommodationChanged(before, acc, viewer));
        return acc;
    }

    /** Releases a MANUAL (or any) exam's results now. */
    @Transactional
    public void release(long assessmentId, String viewer, Set<Role> roles) {
        managed(assessmentId, viewer, roles);
        store.release(assessmentId, clock.instant());
    }

    /**
     * Whether the results of a submitted session are visible to its student now: at submit, once the window has
     * closed for everybody and no session runs, or after an instructor released them.
     */
    public boolean released(AssessmentRow a, SessionRow s, Instant now) {
        if (s.status() != SessionStatus.SUBMITTED) {
            return false;
        }
        if (a.releasedAt() != null) {
            return true;
        }
        return switch (a.release()) {
            case ON_SUBMIT -> true;
            case MANUAL -> false;
            case ON_CLOSE -> {
                Instant latest = a.closesAt();
                for (Accommodation acc : store.accommodations(a.id())) {
                    if (acc.closesAt() != null && acc.closesAt().isAfter(latest)) {
                        latest = acc.closesAt();
                    }
                }
                yield !now.isBefore(latest)
                        && store.sessionsOf(a.id()).stream().allMatch(x -> x.status() == SessionStatus.SUBMITTED);
            }
        };
    }

    /** The students an exam is for: its cohort's, or every student. */
    @Transactional(readOnly = true)
    public List<String> studentsOf(AssessmentRow a) {
        if (a.cohortId() == null) {
            return accounts.findAll().stream()
                    .filter(u -> u.hasRole(Role.STUDENT))
                    .map(UserAccount::getUsername)
                    .sorted()
                    .toList();
        }
        return cohort(a.cohortId()).stream()
                .flatMap(c -> c.getStudents().stream())
                .map(UserAccount::getUsername)
                .sorted()
                .toList();
    }

    private Optional<UserAccount> findUser(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(accounts.get(username.strip()));
        } catch (org.chart2claim.account.AccountException e) {
            return Optional.empty();
        }
    }

    public Optional<String> cohortName(Long cohortId) {
        return cohort(cohortId).map(Cohort::getName);
    }
}
