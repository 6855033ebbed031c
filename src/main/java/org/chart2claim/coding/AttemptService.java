package org.chart2claim.coding;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.config.Json;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts (autosave), submission and grading, and the attempt history. Who may read an attempt is decided
 * here, not in the views: the owner, an instructor of a cohort the owner is enrolled in, or an admin.
 * Practice feedback shows the key, so only the first graded attempt of a scenario counts in results and
 * for instructors; later attempts are kept and labelled {@code afterKey}.
 */
@Service
public class AttemptService {

    private final ScenarioLibrary library;
    private final CodingAttemptRepository attempts;
    private final CodeLookup codeLookup;
    private final CohortService cohorts;
    private final AttemptRegradeRepository regrades;

    public AttemptService(
            ScenarioLibrary library,
            CodingAttemptRepository attempts,
            CodeLookup codeLookup,
            CohortService cohorts,
            AttemptRegradeRepository regrades) {
        this.library = library;
        this.attempts = attempts;
        this.codeLookup = codeLookup;
        this.cohorts = cohorts;
        this.regrades = regrades;
    }

    /** A submitted attempt as the history and feedback pages show it, with the scenario version it was made on. */
    public record AttemptSummary(
            long id,
            String scenarioId,
            String title,
            String specialty,
            int score,
            Instant submittedAt,
            boolean afterKey,
            int scenarioVersion) {}

    /**
     * A submitted attempt with its answer and graded result (the key's rationales are inside the result), the
     * scenario version it is graded on, and its earlier grades when it was regraded (oldest first).
     */
    public record GradedAttempt(
            long id,
            String username,
            String scenarioId,
            int score,
            Instant submittedAt,
            CodingAnswer answer,
            GradeResult result,
            boolean afterKey,
            int scenarioVersion,
            List<Regrade> regrades) {
        public GradedAttempt {
            regrades = regrades == null ? List.of() : List.copyOf(regrades);
        }
    }

    /** One earlier grade of a regraded attempt: from which version and score to which, by whom, why. */
    public record Regrade(
            int oldVersion, int oldScore, int newVersion, int newScore, String reason, String by, Instant at) {}

    /** A graded attempt of one scenario version, for counting how many learners missed an element. */
    public record VersionResult(long attemptId, String username, GradeResult result) {}

    public Grader grader() {
        return new Grader(code -> codeLookup.find(CodeSystem.ICD10CM, code).map(CodeInfo::title));
    }

    /** The encoder warnings over the active code books. */
    public EncoderWarnings encoderWarnings() {
        return new EncoderWarnings(codeLookup);
    }

    /** The learner's practice draft of a scenario. */
    @Transactional(readOnly = true)
    public Optional<CodingAnswer> draft(String username, String scenarioId) {
        return draft(username, AttemptContext.PRACTICE, scenarioId);
    }

    /** The learner's draft of a scenario in a context (practice or one exam sitting). */
    @Transactional(readOnly = true)
    public Optional<CodingAnswer> draft(String username, AttemptContext context, String scenarioId) {
        return findDraft(username, context, scenarioId).map(a -> read(a.getAnswerJson(), CodingAnswer.class));
    }

    @Transactional
    public void saveDraft(String username, String scenarioId, CodingAnswer answer) {
        saveDraft(username, AttemptContext.PRACTICE, scenarioId, answer);
    }

    @Transactional
    public void saveDraft(String username, AttemptContext context, String scenarioId, CodingAnswer answer) {
        Scenario scenario = require(scenarioId, username);
        String json = Json.MAPPER.writeValueAsString(answer);
        CodingAttempt draft = findDraft(username, context, scenarioId)
                .orElseGet(() -> new CodingAttempt(username, context, scenarioId, scenario.contentHash(), json));
        draft.saveAnswer(json);
        attempts.save(draft);
    }

    /** Grades and stores a practice answer; the learner's practice draft becomes this submitted attempt. */
    @Transactional
    public GradedAttempt submit(String username, String scenarioId, CodingAnswer answer) {
        return submit(username, AttemptContext.PRACTICE, scenarioId, answer);
    }

    /**
     * Grades and stores the answer in a context; the learner's draft in that context becomes this submitted
     * attempt. Each submission is a new attempt, so a context can hold several attempts of one scenario.
     */
    @Transactional
    public GradedAttempt submit(String username, AttemptContext context, String scenarioId, CodingAnswer answer) {
        Scenario scenario = require(scenarioId, username);
        List<String> problems = answer.problems();
        if (!problems.isEmpty()) {
            throw new InvalidAnswerException(problems);
        }
        GradeResult result = grader().grade(scenario.key(), answer);
        String json = Json.MAPPER.writeValueAsString(answer);
        boolean afterKey = attempts.existsByUsernameAndContextAndScenarioIdAndStatus(
                username, context.key(), scenarioId, CodingAttempt.Status.SUBMITTED);
        CodingAttempt attempt = findDraft(username, context, scenarioId)
                .orElseGet(() -> new CodingAttempt(username, context, scenarioId, scenario.contentHash(), json));
        attempt.submit(
                json,
                result.score(),
                Json.MAPPER.writeValueAsString(result),
                scenario.contentHash(),
                scenario.version());
        if (afterKey) {
            attempt.markAfterKey();
        }
        attempts.save(attempt);
        return new GradedAttempt(
                attempt.getId(),
                username,
                scenarioId,
                result.score(),
                attempt.getSubmittedAt(),
                answer,
                result,
                attempt.isAfterKey(),
                attempt.getScenarioVersion(),
                List.of());
    }

    private Optional<CodingAttempt> findDraft(String username, AttemptContext context, String scenarioId) {
        return attempts.findFirstByUsernameAndContextAndScenarioIdAndStatus(
                username, context.key(), scenarioId, CodingAttempt.Status.DRAFT);
    }

    /**
     * A submitted attempt, only for its owner, an instructor of one of the owner's cohorts, or an admin;
     * empty otherwise (no hint it exists).
     */
    @Transactional(readOnly = true)
    public Optional<GradedAttempt> attemptFor(long attemptId, String viewer, Set<Role> viewerRoles) {
        return attempts.findById(attemptId)
                .filter(a -> a.getStatus() == CodingAttempt.Status.SUBMITTED)
                .filter(a -> a.getUsername().equals(viewer)
                        || viewerRoles.contains(Role.ADMIN)
                        || (viewerRoles.contains(Role.INSTRUCTOR) && cohorts.teaches(viewer, a.getUsername())))
                .map(a -> new GradedAttempt(
                        a.getId(),
                        a.getUsername(),
                        a.getScenarioId(),
                        a.getScore(),
                        a.getSubmittedAt(),
                        read(a.getAnswerJson(), CodingAnswer.class),
                        read(a.getResultJson(), GradeResult.class),
                        a.isAfterKey(),
                        a.getScenarioVersion(),
                        regrades.findByAttemptIdOrderByRegradedAtAsc(a.getId()).stream()
                                .map(r -> new Regrade(
                                        r.getOldVersion(),
                                        r.getOldScore(),
                                        r.getNewVersion(),
                                        r.getNewScore(),
                                        r.getReason(),
                                        r.getRegradedBy(),
                                        r.getRegradedAt()))
                                .toList()));
    }

    /**
     * Regrades every submitted attempt made on {@code fromVersion} of a scenario against its current version
     * (an instructor accepted a dispute and changed the key). Each attempt keeps its earlier grade in its
     * history, with the reason; the number of attempts regraded is returned.
     */
    @Transactional
    public int regrade(String scenarioId, int fromVersion, String by, String reason) {
        Scenario current = library.find(scenarioId).orElseThrow(() -> new UnknownScenarioException(scenarioId));
        if (current.version() <= fromVersion) {
            return 0;
        }
        Grader grader = grader();
        int count = 0;
        for (CodingAttempt a : attempts.findByScenarioIdAndScenarioVersionAndStatusOrderByIdAsc(
                scenarioId, fromVersion, CodingAttempt.Status.SUBMITTED)) {
            GradeResult result = grader.grade(current.key(), read(a.getAnswerJson(), CodingAnswer.class));
            regrades.save(new AttemptRegrade(a, current.version(), result.score(), reason, by));
            a.regrade(result.score(), Json.MAPPER.writeValueAsString(result), current.contentHash(), current.version());
            attempts.save(a);
            count++;
        }
        return count;
    }

    /** How many submitted attempts each scenario has (any learner, context or version). */
    @Transactional(readOnly = true)
    public Map<String, Long> submittedCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : attempts.countByScenario(CodingAttempt.Status.SUBMITTED)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** How many submitted attempts of one scenario are graded on each version (a regraded one on its new one). */
    @Transactional(readOnly = true)
    public Map<Integer, Long> submittedCountsByVersion(String scenarioId) {
        Map<Integer, Long> counts = new HashMap<>();
        for (Object[] row : attempts.countByVersion(scenarioId, CodingAttempt.Status.SUBMITTED)) {
            counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Every submitted attempt (any learner, any context) graded on one version of a scenario. */
    @Transactional(readOnly = true)
    public List<VersionResult> resultsOfVersion(String scenarioId, int version) {
        return attempts
                .findByScenarioIdAndScenarioVersionAndStatusOrderByIdAsc(
                        scenarioId, version, CodingAttempt.Status.SUBMITTED)
                .stream()
                .map(a -> new VersionResult(a.getId(), a.getUsername(), read(a.getResultJson(), GradeResult.class)))
                .toList();
    }

    /** The learner's submitted practice attempts, oldest first. */
    @Transactional(readOnly = true)
    public List<AttemptSummary> history(String username) {
        return history(username, AttemptContext.PRACTICE);
    }

    /** The learner's submitted attempts in a context, oldest first. */
    @Transactional(readOnly = true)
    public List<AttemptSummary> history(String username, AttemptContext context) {
        Map<String, Scenario> byId = new HashMap<>();
        library.all().forEach(s -> byId.put(s.id(), s));
        return attempts
                .findByUsernameAndContextAndStatusOrderBySubmittedAtAsc(
                        username, context.key(), CodingAttempt.Status.SUBMITTED)
                .stream()
                .map(a -> {
                    Scenario s = byId.get(a.getScenarioId());
                    return new AttemptSummary(
                            a.getId(),
                            a.getScenarioId(),
                            s == null ? a.getScenarioId() : s.title(),
                            s == null ? "(retired)" : s.specialty(),
                            a.getScore(),
                            a.getSubmittedAt(),
                            a.isAfterKey(),
                            a.getScenarioVersion());
                })
                .toList();
    }

    /** Scenario ids where the learner has a saved draft with at least one code ("In progress"). */
    @Transactional(readOnly = true)
    public Set<String> scenariosInProgress(String username) {
        Set<String> ids = new HashSet<>();
        for (CodingAttempt a : attempts.findByUsernameAndContextAndStatusOrderBySubmittedAtAsc(
                username, AttemptContext.PRACTICE.key(), CodingAttempt.Status.DRAFT)) {
            CodingAnswer answer = read(a.getAnswerJson(), CodingAnswer.class);
            if (!answer.diagnoses().isEmpty() || !answer.procedures().isEmpty()) {
                ids.add(a.getScenarioId());
            }
        }
        return ids;
    }

    /** The score that counts per scenario id: the learner's first graded attempt (later ones saw the key). */
    @Transactional(readOnly = true)
    public Map<String, Integer> countedScores(String username) {
        Map<String, Integer> counted = new HashMap<>();
        for (AttemptSummary a : history(username)) {
            counted.putIfAbsent(a.scenarioId(), a.score());
        }
        return counted;
    }

    /** A scenario the learner may see (another instructor's cohort-only scenario is "unknown"). */
    private Scenario require(String scenarioId, String username) {
        return library.findVisible(scenarioId, username).orElseThrow(() -> new UnknownScenarioException(scenarioId));
    }

    private static <T> T read(String json, Class<T> type) {
        return Json.MAPPER.readValue(json, type);
    }

    /** An answer that cannot be graded (no codes, impossible units); nothing was stored. */
    public static class InvalidAnswerException extends RuntimeException {
        private final List<String> problems;

        public InvalidAnswerException(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Asked for a scenario id that the library does not have. */
    public static class UnknownScenarioException extends RuntimeException {
        public UnknownScenarioException(String id) {
            super("No scenario with id " + id);
        }
    }
}
