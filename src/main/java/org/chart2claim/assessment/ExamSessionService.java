package org.chart2claim.assessment;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.ExamRecords.Accommodation;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamRecords.Event;
import org.chart2claim.assessment.ExamRecords.ItemRow;
import org.chart2claim.assessment.ExamRecords.SessionRow;
import org.chart2claim.assessment.ExamViews.AnswerState;
import org.chart2claim.assessment.ExamViews.ItemResult;
import org.chart2claim.assessment.ExamViews.ProctorRow;
import org.chart2claim.assessment.ExamViews.Results;
import org.chart2claim.assessment.ExamViews.SessionView;
import org.chart2claim.assessment.ExamViews.StudentItem;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.scenario.EncounterView;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam sessions: start, resume, autosave, submit, the break between parts, results, and the proctor's extend and
 * close. The deadline is stored with the session; every change takes the session row's lock first and then applies
 * whatever the clock says happened (a part ended, a break ended), so a late answer is refused and a session is
 * submitted exactly once whichever server or request gets there first ({@link AutoSubmitPoller} covers closed
 * browsers). Coding scenarios are graded here with the rubric and the result stays in the session until release:
 * no coding attempt exists that the practice pages could show early.
 */
@Service
public class ExamSessionService {

    private static final Logger log = LoggerFactory.getLogger(ExamSessionService.class);

    /** This JVM in the event log (pid@host), so a two-server log shows who did what. */
    static final String SERVER = ManagementFactory.getRuntimeMXBean().getName();

    public static final String BY_STUDENT = "STUDENT";
    public static final String BY_AUTO = "AUTO";
    public static final String BY_PROCTOR = "PROCTOR";

    private final ExamStore store;
    private final AssessmentService assessments;
    private final QuestionBank bank;
    private final ScenarioLibrary library;
    private final AttemptService attempts;
    private final Clock clock = Clock.systemUTC();

    public ExamSessionService(
            ExamStore store,
            AssessmentService assessments,
            QuestionBank bank,
            ScenarioLibrary library,
            AttemptService attempts) {
        this.store = store;
        this.assessments = assessments;
        this.bank = bank;
        this.library = library;
        this.attempts = attempts;
    }

    /** The server's now, in milliseconds (what both databases store exactly). */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** A started (or resumed) session and whether it was created by this call. */
    public record Started(boolean created, SessionView session) {}

    /**
     * Starts a session, or resumes the student's running one. Refused outside the student's window, beyond the
     * attempts allowed, or for an exam not assigned to them (not found).
     */
    @Transactional
    public Started start(long assessmentId, String student) {
        Instant now = now();
        AssessmentRow a = assessments.assigned(assessmentId, student);
        List<SessionRow> mine = store.sessionsOf(a.id(), student);
        for (SessionRow s : mine) {
            if (s.status() != SessionStatus.SUBMITTED) {
                SessionRow current = advance(store.lockSession(s.id()).orElseThrow(), a, now);
                if (current.status() != SessionStatus.SUBMITTED) {
                    return new Started(false, view(a, current, now));
                }
            }
        }
        Accommodation acc = assessments.accommodation(a.id(), student);
        Instant opens = acc.opensAt() != null ? acc.opensAt() : a.opensAt();
        Instant closes = closes(a, acc);
        if (now.isBefore(opens)) {
            throw AssessmentException.conflict("This exam opens at " + opens + "; it cannot be started before.");
        }
        if (!now.isBefore(closes)) {
            throw AssessmentException.conflict("This exam closed at " + closes + "; it can no longer be started.");
        }
        int allowed = a.attemptsAllowed() + acc.extraAttempts();
        if (mine.size() >= allowed) {
            throw AssessmentException.conflict(
                    "You have used all " + allowed + " attempt" + (allowed == 1 ? "" : "s") + " of this exam.");
        }
        int total = ExamTiming.accommodatedMinutes(a.timeLimitMinutes(), acc.extraTimePercent());
        int minutes = ExamTiming.partMinutes(total, a.parts(), 1);
        UUID uuid = UUID.randomUUID();
        String id = uuid.toString();
        SessionRow session = new SessionRow(
                id,
                a.id(),
                student,
                mine.size() + 1,
                SessionStatus.IN_PROGRESS,
                1,
                now,
                now,
                ExamTiming.deadline(now, minutes, closes),
                minutes,
                acc.extraTimePercent(),
                0,
                now,
                null,
                null,
                null,
                null,
                null);
        List<ItemDraw.DrawnItem> drawn = ItemDraw.draw(
                a.composition(),
                ItemDraw.bank(
                        assessments::candidates,
                        ref -> ref.type() == ItemType.SCENARIO
                                ? "SCENARIO"
                                : bank.find(ref.id())
                                        .map(q -> q.domain().name())
                                        .orElse("UNKNOWN")),
                a.shuffle(),
                a.parts(),
                uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits());
        try {
            store.insertSession(session);
        } catch (DuplicateKeyException e) {
            throw AssessmentException.conflict("Another session of this exam was just started; reload the page.");
        }
        // The version each question was drawn at: its key is copied now and the session shows that version.
        Map<Integer, Question> asked = new HashMap<>();
        for (ItemDraw.DrawnItem d : drawn) {
            if (d.type() == ItemType.QUESTION) {
                bank.find(d.ref()).ifPresent(q -> asked.put(d.position(), q));
            }
        }
        store.insertItems(drawn.stream()
                .map(d -> new ItemRow(
                        id,
                        d.position(),
                        d.type(),
                        d.ref(),
                        d.domain(),
                        d.part(),
                        d.optionOrder(),
                        d.type() == ItemType.QUESTION
                                ? Optional.ofNullable(asked.get(d.position()))
                                        .map(Question::key)
                                        .orElse(null)
                                : null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null))
                .toList());
        Map<Integer, Integer> versions = new HashMap<>();
        asked.forEach((position, q) -> versions.put(position, q.version()));
        store.recordItemVersions(id, versions);
        event(id, "STARTED", student, "attempt " + session.attemptNo() + ", deadline " + session.deadline());
        return new Started(true, view(a, session, now));
    }

    /** The student's own session (another student's, or an unknown id: not found). */
    @Transactional
    public SessionView session(String sessionId, String student) {
        Instant now = now();
        SessionRow s = own(sessionId, student);
        AssessmentRow a = store.assessment(s.assessmentId()).orElseThrow();
        if (s.status() != SessionStatus.SUBMITTED && !now.isBefore(s.deadline())) {
            s = advance(store.lockSession(sessionId).orElseThrow(), a, now);
        }
        return view(a, s, now);
    }

    /** An answer (or a flag) for one item, as sent by the student's browser or the API. */
    public record AnswerInput(
            String choice, List<String> diagnoses, List<CodingAnswer.Line> procedures, Boolean flagged) {

        public static AnswerInput choice(String letter) {
            return new AnswerInput(letter, null, null, null);
        }

        public static AnswerInput flag(boolean flagged) {
            return new AnswerInput(null, null, null, flagged);
        }

        public static AnswerInput coding(CodingAnswer answer) {
            return new AnswerInput(null, answer.diagnoses(), answer.procedures(), null);
        }

        boolean hasCoding() {
            return diagnoses != null || procedures != null;
        }
    }

    /**
     * Autosaves one answer. Refused with a conflict once the part's deadline has passed (the session is then moved
     * on, submitted if it was the last part), on a break, or after submission; with "not found" for an unknown
     * position or another student's session; as invalid for a malformed answer. Nothing changes when refused.
     */
    @Transactional(noRollbackFor = AssessmentException.class)
    public AnswerState answer(String sessionId, String student, int position, AnswerInput input) {
        Instant now = now();
        // The hot path (every autosave): lock the student's own row in one statement, read the exam only when the
        // clock has something to apply, read only the item that changes (docs/PERFORMANCE.md).
        SessionRow s = store.lockOwnSession(sessionId, student)
                .orElseThrow(() -> AssessmentException.notFound("No such session."));
        if (s.status() != SessionStatus.SUBMITTED && ExamTiming.isLate(s.deadline(), now)) {
            s = advance(s, store.assessment(s.assessmentId()).orElseThrow(), now);
        }
        requireRunning(s);
        ItemRow item = store.item(sessionId, position)
                .orElseThrow(() -> AssessmentException.notFound("This exam has no item " + position + "."));
        if (item.part() != s.part()) {
            throw AssessmentException.conflict("Item " + position + " belongs to part " + item.part() + ", which is "
                    + (item.part() < s.part() ? "closed" : "not open yet") + ".");
        }
        if (input == null) {
            throw AssessmentException.invalid("The answer is empty.");
        }
        boolean flagged = input.flagged() != null ? input.flagged() : item.flagged();
        String choice = item.choice();
        String coding = item.codingJson();
        if (item.type() == ItemType.QUESTION) {
            if (input.hasCoding()) {
                throw AssessmentException.invalid("Item " + position + " is a question: send {\"choice\":\"A\"}.");
            }
            if (input.choice() != null) {
                String c = input.choice().strip().toUpperCase(java.util.Locale.ROOT);
                if (c.isEmpty()) {
                    choice = null;
                } else if (!Question.LETTERS.contains(c)) {
                    throw AssessmentException.invalid(
                            "choice must be A, B, C or D (or \"\" to clear), not '" + input.choice() + "'.");
                } else {
                    choice = ItemDraw.original(item.optionOrder(), c);
                }
            } else if (input.flagged() == null) {
                throw AssessmentException.invalid("Send a choice (A–D) or flagged (true/false).");
            }
        } else {
            if (input.choice() != null) {
                throw AssessmentException.invalid(
                        "Item " + position + " is a coding case: send {\"diagnoses\":[...],\"procedures\":[...]}.");
            }
            if (input.hasCoding()) {
                coding = ExamStore.JSON.writeValueAsString(new CodingAnswer(input.diagnoses(), input.procedures()));
            } else if (input.flagged() == null) {
                throw AssessmentException.invalid("Send diagnoses/procedures or flagged (true/false).");
            }
        }
        store.saveAnswer(sessionId, position, choice, coding, flagged, now);
        store.touch(sessionId, now);
        ItemRow saved = new ItemRow(
                item.sessionId(),
                position,
                item.type(),
                item.ref(),
                item.domain(),
                item.part(),
                item.optionOrder(),
                item.answerKey(),
                choice,
                coding,
                flagged,
                now,
                null,
                null);
        return answerState(saved);
    }

    /**
     * The student hands in the running part: part 1 of a two-part exam starts the break, otherwise the session is
     * submitted and scored.
     */
    @Transactional(noRollbackFor = AssessmentException.class)
    public SessionView submit(String sessionId, String student) {
        Instant now = now();
        Locked locked = lockOwn(sessionId, student, now);
        SessionRow s = locked.session();
        AssessmentRow a = locked.assessment();
        if (s.status() == SessionStatus.SUBMITTED) {
            throw AssessmentException.conflict("This session was already submitted at " + s.submittedAt() + ".");
        }
        if (s.status() == SessionStatus.ON_BREAK) {
            throw AssessmentException.conflict("You are on the break; continue with part 2 first.");
        }
        s = endPart(s, a, now, BY_STUDENT, student, null);
        return view(a, s, now);
    }

    /** Ends the break early and starts part 2 now. */
    @Transactional(noRollbackFor = AssessmentException.class)
    public SessionView continueAfterBreak(String sessionId, String student) {
        Instant now = now();
        Locked locked = lockOwn(sessionId, student, now);
        SessionRow s = locked.session();
        AssessmentRow a = locked.assessment();
        if (s.status() == SessionStatus.ON_BREAK) {
            s = startPart2(s, a, now);
        }
        return view(a, s, now);
    }

    /** The released results of the student's own session; a conflict before release. */
    @Transactional(readOnly = true)
    public Results results(String sessionId, String student) {
        SessionRow s = own(sessionId, student);
        AssessmentRow a = store.assessment(s.assessmentId()).orElseThrow();
        if (!assessments.released(a, s, now())) {
            throw AssessmentException.conflict("The results of this exam are not released yet.");
        }
        return results(a, s);
    }

    /** Any session's results for a proctor or grader (released or not). */
    @Transactional(readOnly = true)
    public Results resultsForStaff(String sessionId, String viewer, Set<Role> roles) {
        SessionRow s = store.session(sessionId).orElseThrow(() -> AssessmentException.notFound("No such session."));
        AssessmentRow a = assessments.managed(s.assessmentId(), viewer, roles);
        if (s.status() != SessionStatus.SUBMITTED) {
            throw AssessmentException.conflict("This session has not been submitted yet.");
        }
        return results(a, s);
    }

    private Results results(AssessmentRow a, SessionRow s) {
        List<ItemResult> items = new ArrayList<>();
        List<ExamScoring.ScoredItem> scored = new ArrayList<>();
        Map<Integer, Integer> versions = store.itemVersions(s.id());
        for (ItemRow i : store.items(s.id())) {
            int score = i.score() == null ? 0 : i.score();
            scored.add(new ExamScoring.ScoredItem(i.domain(), score));
            if (i.type() == ItemType.QUESTION) {
                Question q = asked(i, versions);
                items.add(new ItemResult(
                        i.position(),
                        i.type(),
                        i.ref(),
                        i.domain(),
                        q == null ? "(question no longer in the bank)" : q.stem(),
                        // the bank's order, not the session's shuffle: the rationale names options by these letters
                        q == null ? Map.of() : q.options(),
                        i.choice(),
                        i.answerKey(),
                        score,
                        q == null ? "" : q.rationale(),
                        null));
            } else {
                items.add(new ItemResult(
                        i.position(),
                        i.type(),
                        i.ref(),
                        i.domain(),
                        library.find(i.ref()).map(Scenario::title).orElse(i.ref()),
                        Map.of(),
                        null,
                        null,
                        score,
                        "",
                        i.resultJson() == null ? null : ExamStore.JSON.readValue(i.resultJson(), GradeResult.class)));
            }
        }
        return new Results(
                s.id(),
                a.title(),
                s.username(),
                s.score() == null ? ExamScoring.percent(scored) : s.score(),
                ExamScoring.byDomain(scored),
                s.submittedAt(),
                s.submittedBy(),
                s.timeUsedSeconds() == null ? 0 : s.timeUsedSeconds(),
                items);
    }

    // ---- proctor

    @Transactional
    public List<ProctorRow> proctor(long assessmentId, String viewer, Set<Role> roles) {
        AssessmentRow a = assessments.managed(assessmentId, viewer, roles);
        Instant now = now();
        List<ProctorRow> rows = new ArrayList<>();
        for (SessionRow s : store.sessionsOf(a.id())) {
            List<ItemRow> items = store.items(s.id());
            rows.add(new ProctorRow(
                    s.id(),
                    s.username(),
                    s.attemptNo(),
                    s.status(),
                    s.part(),
                    (int) items.stream().filter(ItemRow::answered).count(),
                    items.size(),
                    s.status() == SessionStatus.SUBMITTED ? 0 : ExamTiming.remainingSeconds(s.deadline(), now),
                    s.startedAt(),
                    s.lastActivityAt(),
                    s.extraTimePercent(),
                    s.extendedMinutes(),
                    s.submittedBy(),
                    s.score(),
                    s.note()));
        }
        return rows;
    }

    /** A proctor gives a running session more time (e.g. after a fire alarm). */
    @Transactional(noRollbackFor = AssessmentException.class)
    public void extend(String sessionId, int minutes, String viewer, Set<Role> roles) {
        managedSession(sessionId, viewer, roles);
        if (minutes < 1 || minutes > AssessmentSpec.MAX_TIME_LIMIT_MINUTES) {
            throw AssessmentException.invalid("minutes must be 1–" + AssessmentSpec.MAX_TIME_LIMIT_MINUTES + ".");
        }
        SessionRow s = lockAndAdvance(sessionId, now()).session();
        requireRunning(s);
        store.updateSession(new SessionRow(
                s.id(),
                s.assessmentId(),
                s.username(),
                s.attemptNo(),
                s.status(),
                s.part(),
                s.startedAt(),
                s.partStartedAt(),
                s.deadline().plus(Duration.ofMinutes(minutes)),
                s.partMinutes(),
                s.extraTimePercent(),
                s.extendedMinutes() + minutes,
                s.lastActivityAt(),
                null,
                null,
                s.note(),
                null,
                s.timeUsedSeconds()));
        event(sessionId, "EXTENDED", viewer, "+" + minutes + " min");
    }

    /** A proctor ends a session now (it is scored) and notes why. */
    @Transactional(noRollbackFor = AssessmentException.class)
    public void close(String sessionId, String note, String viewer, Set<Role> roles) {
        managedSession(sessionId, viewer, roles);
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw AssessmentException.invalid("A note of 1–1000 characters says why the session is closed.");
        }
        Instant now = now();
        Locked locked = lockAndAdvance(sessionId, now);
        if (locked.session().status() == SessionStatus.SUBMITTED) {
            throw AssessmentException.conflict("This session was already submitted.");
        }
        finish(locked.session(), locked.assessment(), now, BY_PROCTOR, viewer, note.strip());
    }

    /**
     * A student's accommodation changed while a session of theirs may be running: under the row lock, what the
     * clock says happened is applied first (a part that already ended stays ended), then the running part's
     * deadline follows the new extra time and window ({@link ExamTiming#rescheduled}), and a session on its break
     * keeps the new extra time for part 2. Runs in the transaction that saves the accommodation.
     */
    @EventListener
    void accommodationChanged(AssessmentService.AccommodationChanged change) {
        Accommodation after = change.after();
        AssessmentRow a = store.assessment(after.assessmentId()).orElseThrow();
        Instant now = now();
        for (SessionRow row : store.sessionsOf(a.id(), after.username())) {
            if (row.status() == SessionStatus.SUBMITTED) {
                continue;
            }
            SessionRow s = advance(store.lockSession(row.id()).orElseThrow(), a, now);
            if (s.status() == SessionStatus.SUBMITTED) {
                continue;
            }
            int minutes = s.partMinutes();
            Instant deadline = s.deadline();
            if (s.status() == SessionStatus.IN_PROGRESS) {
                minutes = ExamTiming.partMinutes(
                        ExamTiming.accommodatedMinutes(a.timeLimitMinutes(), after.extraTimePercent()),
                        a.parts(),
                        s.part());
                deadline = ExamTiming.rescheduled(
                        s.partStartedAt(),
                        s.deadline(),
                        s.partMinutes(),
                        closes(a, change.before()),
                        minutes,
                        closes(a, after),
                        now);
            }
            store.reschedule(s.id(), deadline, minutes, after.extraTimePercent());
            event(
                    s.id(),
                    "ACCOMMODATED",
                    change.by(),
                    "extra time " + after.extraTimePercent() + "%, deadline " + s.deadline() + " -> " + deadline);
        }
    }

    private static Instant closes(AssessmentRow a, Accommodation acc) {
        return acc.closesAt() != null ? acc.closesAt() : a.closesAt();
    }

    /** A session row under its lock, with what the clock says happened applied, and its exam. */
    private record Locked(SessionRow session, AssessmentRow assessment) {}

    private Locked lockAndAdvance(String sessionId, Instant now) {
        SessionRow s = store.lockSession(sessionId).orElseThrow();
        AssessmentRow a = store.assessment(s.assessmentId()).orElseThrow();
        return new Locked(advance(s, a, now), a);
    }

    private Locked lockOwn(String sessionId, String student, Instant now) {
        own(sessionId, student);
        return lockAndAdvance(sessionId, now);
    }

    private SessionRow managedSession(String sessionId, String viewer, Set<Role> roles) {
        SessionRow s = store.session(sessionId).orElseThrow(() -> AssessmentException.notFound("No such session."));
        assessments.managed(s.assessmentId(), viewer, roles);
        return s;
    }

    // ---- the clock

    /**
     * Moves every session whose part or break has ended on (break, next part, or submitted), each in its own
     * transaction under a {@code SKIP LOCKED} claim; returns how many were moved. Called by the poller on every
     * server; a session is never moved twice.
     */
    public int advanceDue(Instant now, org.springframework.transaction.support.TransactionTemplate tx) {
        int moved = 0;
        for (int i = 0; i < 10_000; i++) {
            Boolean one = tx.execute(status -> {
                List<String> due = store.claimDue(now, 1);
                if (due.isEmpty()) {
                    return false;
                }
                SessionRow s = store.session(due.getFirst()).orElseThrow();
                advance(s, store.assessment(s.assessmentId()).orElseThrow(), now);
                return true;
            });
            if (!Boolean.TRUE.equals(one)) {
                break;
            }
            moved++;
        }
        return moved;
    }

    /** Applies what the clock says happened since the row was written. The caller holds the row lock. */
    SessionRow advance(SessionRow s, AssessmentRow a, Instant now) {
        for (int guard = 0; guard < 4; guard++) {
            if (s.status() == SessionStatus.IN_PROGRESS && ExamTiming.isLate(s.deadline(), now)) {
                s = endPart(s, a, s.deadline(), BY_AUTO, "server", null);
            } else if (s.status() == SessionStatus.ON_BREAK && ExamTiming.isLate(s.deadline(), now)) {
                s = startPart2(s, a, s.deadline());
            } else {
                break;
            }
        }
        return s;
    }

    private SessionRow endPart(SessionRow s, AssessmentRow a, Instant at, String by, String actor, String note) {
        if (a.parts() == 2 && s.part() == 1) {
            int used = seconds(s.partStartedAt(), at);
            event(s.id(), "PART_ENDED", actor, "part 1 by " + by.toLowerCase(java.util.Locale.ROOT));
            SessionRow onBreak = new SessionRow(
                    s.id(),
                    s.assessmentId(),
                    s.username(),
                    s.attemptNo(),
                    SessionStatus.ON_BREAK,
                    2,
                    s.startedAt(),
                    s.partStartedAt(),
                    at.plus(Duration.ofMinutes(a.breakMinutes())),
                    s.partMinutes(),
                    s.extraTimePercent(),
                    s.extendedMinutes(),
                    s.lastActivityAt(),
                    null,
                    null,
                    s.note(),
                    null,
                    used);
            if (a.breakMinutes() == 0) {
                return startPart2(onBreak, a, at);
            }
            store.updateSession(onBreak);
            return onBreak;
        }
        return finish(s, a, at, by, actor, note);
    }

    private SessionRow startPart2(SessionRow s, AssessmentRow a, Instant start) {
        Accommodation acc = assessments.accommodation(a.id(), s.username());
        Instant closes = closes(a, acc);
        int minutes = ExamTiming.partMinutes(
                ExamTiming.accommodatedMinutes(a.timeLimitMinutes(), s.extraTimePercent()), 2, 2);
        Instant deadline = ExamTiming.deadline(start, minutes, closes);
        SessionRow running = new SessionRow(
                s.id(),
                s.assessmentId(),
                s.username(),
                s.attemptNo(),
                SessionStatus.IN_PROGRESS,
                2,
                s.startedAt(),
                start,
                deadline.isBefore(start) ? start : deadline,
                minutes,
                s.extraTimePercent(),
                s.extendedMinutes(),
                s.lastActivityAt(),
                null,
                null,
                s.note(),
                null,
                s.timeUsedSeconds());
        store.updateSession(running);
        event(s.id(), "PART_STARTED", "server", "part 2, deadline " + running.deadline());
        return running;
    }

    /** Scores every item and marks the session submitted, once: callers hold the lock and saw it running. */
    private SessionRow finish(SessionRow s, AssessmentRow a, Instant at, String by, String actor, String note) {
        List<ExamScoring.ScoredItem> scored = new ArrayList<>();
        for (ItemRow item : store.items(s.id())) {
            int score = 0;
            String resultJson = null;
            if (item.type() == ItemType.QUESTION) {
                score = ExamScoring.questionScore(item.choice(), item.answerKey());
            } else if (item.codingJson() != null) {
                try {
                    CodingAnswer answer = ExamStore.JSON.readValue(item.codingJson(), CodingAnswer.class);
                    Scenario scenario = library.find(item.ref()).orElse(null);
                    if (scenario != null && answer.problems().isEmpty()) {
                        GradeResult result = attempts.grader().grade(scenario.key(), answer);
                        score = result.score();
                        resultJson = ExamStore.JSON.writeValueAsString(result);
                    }
                } catch (RuntimeException e) {
                    log.error("Could not grade item {} of session {}; scored 0", item.position(), s.id(), e);
                }
            }
            store.scoreItem(s.id(), item.position(), score, resultJson);
            scored.add(new ExamScoring.ScoredItem(item.domain(), score));
        }
        int used = (s.timeUsedSeconds() == null ? 0 : s.timeUsedSeconds()) + seconds(s.partStartedAt(), at);
        SessionRow done = new SessionRow(
                s.id(),
                s.assessmentId(),
                s.username(),
                s.attemptNo(),
                SessionStatus.SUBMITTED,
                s.part(),
                s.startedAt(),
                s.partStartedAt(),
                s.deadline(),
                s.partMinutes(),
                s.extraTimePercent(),
                s.extendedMinutes(),
                s.lastActivityAt(),
                at,
                by,
                note != null ? note : s.note(),
                ExamScoring.percent(scored),
                used);
        store.updateSession(done);
        event(
                s.id(),
                BY_AUTO.equals(by) ? "AUTO_SUBMITTED" : BY_PROCTOR.equals(by) ? "CLOSED" : "SUBMITTED",
                actor,
                note);
        return done;
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toSeconds());
    }

    private void event(String sessionId, String kind, String actor, String detail) {
        store.event(new Event(sessionId, kind, now(), actor, SERVER, detail));
    }

    private static void requireRunning(SessionRow s) {
        if (s.status() == SessionStatus.SUBMITTED) {
            throw AssessmentException.conflict(
                    "The time is up: this session was submitted at " + s.submittedAt() + "; the answer was not saved.");
        }
        if (s.status() == SessionStatus.ON_BREAK) {
            throw AssessmentException.conflict("Part 1 has ended and you are on the break; the answer was not saved.");
        }
    }

    private SessionRow own(String sessionId, String student) {
        return store.session(sessionId)
                .filter(s -> s.username().equals(student))
                .orElseThrow(() -> AssessmentException.notFound("No such session."));
    }

    // ---- views

    private SessionView view(AssessmentRow a, SessionRow s, Instant now) {
        List<StudentItem> items = new ArrayList<>();
        List<AnswerState> answers = new ArrayList<>();
        Map<Integer, Integer> versions = store.itemVersions(s.id());
        for (ItemRow i : store.items(s.id())) {
            if (i.type() == ItemType.QUESTION) {
                Question q = asked(i, versions);
                items.add(new StudentItem(
                        i.position(),
                        i.type(),
                        i.part(),
                        q == null ? "(this question was withdrawn from the bank; it scores for nobody)" : q.stem(),
                        q == null ? Map.of() : displayedOptions(q, i.optionOrder()),
                        null));
            } else {
                Scenario sc = library.find(i.ref()).orElse(null);
                items.add(new StudentItem(
                        i.position(),
                        i.type(),
                        i.part(),
                        sc == null ? "(scenario withdrawn)" : "Code this encounter: " + sc.title(),
                        null,
                        sc == null ? null : EncounterView.of(sc)));
            }
            answers.add(answerState(i));
        }
        boolean released = assessments.released(a, s, now);
        return new SessionView(
                s.id(),
                a.id(),
                a.title(),
                s.status(),
                s.part(),
                a.parts(),
                s.deadline(),
                s.status() == SessionStatus.SUBMITTED ? 0 : ExamTiming.remainingSeconds(s.deadline(), now),
                a.openBook(),
                released,
                released ? s.score() : null,
                items,
                answers);
    }

    private static AnswerState answerState(ItemRow i) {
        return new AnswerState(
                i.position(),
                i.part(),
                i.answered(),
                i.flagged(),
                i.choice() == null ? null : ItemDraw.displayed(i.optionOrder(), i.choice()),
                i.codingJson() == null ? null : ExamStore.JSON.readValue(i.codingJson(), CodingAnswer.class));
    }

    /** The question of an item at the version the session drew (a bank edit never changes a session). */
    private Question asked(ItemRow i, Map<Integer, Integer> versions) {
        return bank.version(i.ref(), versions.getOrDefault(i.position(), 1)).orElse(null);
    }

    static Map<String, String> displayedOptions(Question q, String optionOrder) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int d = 0; d < 4; d++) {
            out.put(Question.LETTERS.get(d), q.options().get(String.valueOf(optionOrder.charAt(d))));
        }
        return out;
    }
}
