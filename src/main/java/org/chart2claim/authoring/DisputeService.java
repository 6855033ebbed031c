package org.chart2claim.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answer-key disputes: a student disputes one element of the key their attempt was graded on; instructors of
 * the student's cohorts (admins: all) review them beside the note, the rationale and the attempt, with how many
 * learners missed the same element on that version; accepting publishes the corrected key as a new version and
 * may regrade the old version's attempts (each keeps its earlier grade in its history); rejecting needs a reply.
 */
@Service
public class DisputeService {

    /** Longest argument a student may write. */
    public static final int MAX_ARGUMENT = 4000;

    private final DisputeRepository disputes;
    private final AttemptService attempts;
    private final ScenarioLibrary library;
    private final CohortService cohorts;
    private final AuthoringService authoring;

    public DisputeService(
            DisputeRepository disputes,
            AttemptService attempts,
            ScenarioLibrary library,
            CohortService cohorts,
            AuthoringService authoring) {
        this.disputes = disputes;
        this.attempts = attempts;
        this.library = library;
        this.cohorts = cohorts;
        this.authoring = authoring;
    }

    /** A request the rules refuse, with a message for the person who made it. */
    public static class DisputeException extends RuntimeException {
        public DisputeException(String message) {
            super(message);
        }
    }

    /** A dispute as the student and the queue show it. */
    public record View(
            long id,
            long attemptId,
            String student,
            String scenarioId,
            String scenarioTitle,
            int scenarioVersion,
            String element,
            String elementLabel,
            String argument,
            String citation,
            Dispute.Status status,
            String reply,
            String resolvedBy,
            Integer newVersion,
            Integer regraded,
            Instant createdAt,
            Instant resolvedAt) {}

    /** The queue's detail: the dispute, the key's rationale for the element, the attempt, how many missed it. */
    public record Review(
            View dispute, String noteMarkdown, String rationale, AttemptService.GradedAttempt attempt, Missed missed) {}

    /** How many learners missed the element among those graded on that version. */
    public record Missed(int learnersMissed, int learnersGraded) {}

    /** Files a dispute; only the attempt's owner may, once per element of an attempt while one is open. */
    @Transactional
    public View open(long attemptId, String element, String argument, String citation, String user) {
        AttemptService.GradedAttempt attempt = attempts.attemptFor(attemptId, user, Set.of(Role.STUDENT))
                .filter(a -> a.username().equals(user))
                .orElseThrow(() -> new AuthoringService.NotFoundException("attempt " + attemptId));
        KeyElement keyElement = KeyElement.find(attempt.result(), element == null ? "" : element.strip())
                .orElseThrow(() -> new DisputeException("'" + element + "' is not an element of this attempt's key;"
                        + " use one of "
                        + KeyElement.of(attempt.result()).stream()
                                .map(KeyElement::key)
                                .toList()));
        String text = argument == null ? "" : argument.strip();
        if (text.length() < 10) {
            throw new DisputeException("Say why the key is wrong (at least 10 characters).");
        }
        if (text.length() > MAX_ARGUMENT) {
            throw new DisputeException("The argument is longer than " + MAX_ARGUMENT + " characters.");
        }
        String cite = citation == null || citation.isBlank() ? null : citation.strip();
        if (cite != null && cite.length() > 500) {
            throw new DisputeException("The citation is longer than 500 characters.");
        }
        boolean open = disputes.findByAttemptIdOrderByCreatedAtDesc(attemptId).stream()
                .anyMatch(d ->
                        d.getStatus() == Dispute.Status.OPEN && d.getElement().equals(keyElement.key()));
        if (open) {
            throw new DisputeException("You already disputed this element of this attempt; wait for the answer.");
        }
        Dispute saved = disputes.save(new Dispute(
                attemptId, user, attempt.scenarioId(), attempt.scenarioVersion(), keyElement.key(), text, cite));
        return view(saved);
    }

    /** The disputes an instructor answers (students of their cohorts; admins: everybody's), oldest first. */
    @Transactional(readOnly = true)
    public List<View> queue(Dispute.Status status, String user, Set<Role> roles) {
        List<Dispute> found = status == null
                ? disputes.findAllByOrderByCreatedAtDesc()
                : disputes.findByStatusOrderByCreatedAtAsc(status);
        return found.stream()
                .filter(d -> mayReview(d, user, roles))
                .map(this::view)
                .toList();
    }

    /** A student's own disputes, newest first (the home page and the feedback page show the outcome). */
    @Transactional(readOnly = true)
    public List<View> mine(String user) {
        return disputes.findByStudentOrderByCreatedAtDesc(user).stream()
                .map(this::view)
                .toList();
    }

    /** The disputes of one attempt, for its owner or a reviewer. */
    @Transactional(readOnly = true)
    public List<View> ofAttempt(long attemptId, String user, Set<Role> roles) {
        return disputes.findByAttemptIdOrderByCreatedAtDesc(attemptId).stream()
                .filter(d -> d.getStudent().equals(user) || mayReview(d, user, roles))
                .map(this::view)
                .toList();
    }

    /** Everything the reviewer needs beside the dispute; not found for anyone else. */
    @Transactional(readOnly = true)
    public Review review(long disputeId, String user, Set<Role> roles) {
        Dispute d = reviewable(disputeId, user, roles);
        AttemptService.GradedAttempt attempt = attempts.attemptFor(d.getAttemptId(), user, roles)
                .orElseThrow(() -> new AuthoringService.NotFoundException("attempt " + d.getAttemptId()));
        Optional<Scenario> version = library.version(d.getScenarioId(), d.getScenarioVersion());
        KeyElement element = KeyElement.find(attempt.result(), d.getElement())
                .orElse(new KeyElement(d.getElement(), d.getElement()));
        return new Review(
                view(d),
                version.map(Scenario::noteMarkdown).orElse(""),
                rationale(attempt, d.getElement()),
                attempt,
                missed(d.getScenarioId(), d.getScenarioVersion(), element));
    }

    /** Learners (not attempts) who missed the element, among the learners graded on that version. */
    @Transactional(readOnly = true)
    public Missed missed(String scenarioId, int version, KeyElement element) {
        var results = attempts.resultsOfVersion(scenarioId, version);
        long graded = results.stream()
                .map(AttemptService.VersionResult::username)
                .distinct()
                .count();
        long missed = results.stream()
                .filter(r -> element.missedIn(r.result()))
                .map(AttemptService.VersionResult::username)
                .distinct()
                .count();
        return new Missed((int) missed, (int) graded);
    }

    private static String rationale(AttemptService.GradedAttempt attempt, String element) {
        if (element.startsWith("dx:") || element.equals("sequence")) {
            String code =
                    element.equals("sequence") ? attempt.result().firstListed().keyCode() : element.substring(3);
            return attempt.result().diagnoses().stream()
                    .filter(v -> v.keyCode().equals(code))
                    .map(v -> v.rationale())
                    .findFirst()
                    .orElse("");
        }
        String[] parts = element.split(":");
        int line = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        return attempt.result().procedures().stream()
                .filter(v -> v.keyLine() == line)
                .map(v -> v.rationale())
                .findFirst()
                .orElse("");
    }

    /**
     * Accepts or rejects. Accepting may first publish {@code correctedText} as the scenario's next version; it
     * needs a version newer than the disputed one (published now or before); the corrected key passes the payer
     * check like any publication, or {@code payerOverride} says why it is published anyway. With {@code regrade}, every attempt
     * of the disputed version is graded again on the current version, keeping its old grade in its history.
     */
    @Transactional
    public View resolve(
            long disputeId,
            boolean accept,
            String reply,
            boolean regrade,
            String correctedText,
            String payerOverride,
            String user,
            Set<Role> roles) {
        Dispute d = reviewable(disputeId, user, roles);
        if (d.getStatus() != Dispute.Status.OPEN) {
            throw new DisputeException(
                    "This dispute was already " + d.getStatus().name().toLowerCase() + ".");
        }
        String answer = reply == null ? "" : reply.strip();
        if (!accept) {
            if (answer.isEmpty()) {
                throw new DisputeException("A rejection needs a written reply to the student.");
            }
            d.reject(user, answer);
            return view(disputes.save(d));
        }
        if (correctedText != null && !correctedText.isBlank()) {
            authoring.publish(
                    correctedText,
                    d.getScenarioId(),
                    user,
                    roles,
                    null,
                    "answer-key dispute #" + d.getId() + " accepted",
                    payerOverride);
        }
        int current = library.find(d.getScenarioId()).map(Scenario::version).orElse(0);
        if (current <= d.getScenarioVersion()) {
            throw new DisputeException("Accepting changes the key: publish the corrected key as a new version of "
                    + d.getScenarioId() + " first (it is still at version " + current + ").");
        }
        Integer regraded = regrade
                ? attempts.regrade(
                        d.getScenarioId(),
                        d.getScenarioVersion(),
                        user,
                        "Answer-key dispute #" + d.getId() + " accepted: " + elementLabel(d.getElement())
                                + " corrected in version "
                                + current + ".")
                : null;
        d.accept(
                user,
                answer.isEmpty() ? "Accepted: the key was corrected in version " + current + "." : answer,
                current,
                regraded);
        return view(disputes.save(d));
    }

    private Dispute reviewable(long disputeId, String user, Set<Role> roles) {
        return disputes.findById(disputeId)
                .filter(d -> mayReview(d, user, roles))
                .orElseThrow(() -> new AuthoringService.NotFoundException("dispute " + disputeId));
    }

    private boolean mayReview(Dispute d, String user, Set<Role> roles) {
        return roles.contains(Role.ADMIN) || (roles.contains(Role.INSTRUCTOR) && cohorts.teaches(user, d.getStudent()));
    }

    private View view(Dispute d) {
        String title = library.find(d.getScenarioId()).map(Scenario::title).orElse(d.getScenarioId());
        return new View(
                d.getId(),
                d.getAttemptId(),
                d.getStudent(),
                d.getScenarioId(),
                title,
                d.getScenarioVersion(),
                d.getElement(),
                elementLabel(d.getElement()),
                d.getArgument(),
                d.getCitation(),
                d.getStatus(),
                d.getReply(),
                d.getResolvedBy(),
                d.getNewVersion(),
                d.getRegraded(),
                d.getCreatedAt(),
                d.getResolvedAt());
    }

    /** "dx:E11.40" → "Diagnosis E11.40", "line:1:modifiers" → "Line 1: modifiers". */
    static String elementLabel(String key) {
        if (key.startsWith("dx:")) {
            return "Diagnosis " + key.substring(3);
        }
        if (key.equals("sequence")) {
            return "Sequence (first-listed diagnosis)";
        }
        String[] parts = key.split(":");
        return parts.length == 3 ? "Line " + parts[1] + ": " + parts[2] : key;
    }
}
