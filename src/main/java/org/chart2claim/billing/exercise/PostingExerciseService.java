package org.chart2claim.billing.exercise;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.chart2claim.account.Role;
import org.chart2claim.billing.ar.ArService;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PostedClaim;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.billing.posting.RemittancePosting;
import org.chart2claim.config.Json;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerClaimRecord;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.PriorClaim;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-posting exercise: the trainee picks an answered claim of one of their ledgers, reads its ERA (raw 835 and
 * EOB, without the payer's fixing hints) and posts it by hand; {@link PostingGrader} scores it against the automatic
 * posting. Every attempt is stored ({@code billing_posting_exercise}); the first one per claim counts, later ones
 * were made after the answer was shown. Owners see their attempts, instructors their cohorts' students', admins all.
 */
@Service
public class PostingExerciseService {
    private final PayerService payer;
    private final PostingService posting;
    private final ArService ar;
    private final JdbcTemplate jdbc;

    public PostingExerciseService(PayerService payer, PostingService posting, ArService ar, JdbcTemplate jdbc) {
        this.payer = payer;
        this.posting = posting;
        this.ar = ar;
        this.jdbc = jdbc;
    }

    /** An ERA to post: the claim's answer as a biller receives it (no hints) and its X12 835. */
    public record Era(long claimId, String ledger, ClaimResult result, String x12) {}

    /** A claim of a ledger that can be posted by hand, with the trainee's counted score when done. */
    public record Exercise(PostedClaim claim, Integer score, int attempts) {}

    /** One stored attempt. */
    public record Attempt(
            long id,
            String username,
            String ledger,
            long claimId,
            String claimNumber,
            String patient,
            int score,
            int differences,
            boolean counted,
            Instant submittedAt) {}

    /** The attempt with its checks and what the automatic posting posted. */
    public record Scored(Attempt attempt, PostingGrade grade, List<LedgerTransaction> automatic) {}

    /** The ledger's adjudicated claims (no rejections, no reversal rows), newest first. */
    public List<Exercise> exercises(String username, String ledger) {
        if (!posting.hasLedger(username, ledger)) {
            return List.of();
        }
        Map<Long, List<Attempt>> done = attempts(username).stream()
                .filter(a -> a.ledger().equals(ledger))
                .collect(Collectors.groupingBy(Attempt::claimId));
        return posting.claims(username, ledger).stream()
                .filter(PostedClaim::adjudicated)
                .map(c -> {
                    List<Attempt> mine = done.getOrDefault(c.claimId(), List.of());
                    Integer counted = mine.stream()
                            .filter(Attempt::counted)
                            .map(Attempt::score)
                            .findFirst()
                            .orElse(null);
                    return new Exercise(c, counted, mine.size());
                })
                .toList()
                .reversed();
    }

    /** The ERA of the caller's claim; empty for another user's, unanswered, rejected or reversal claims. */
    public Optional<Era> era(String username, long claimId) {
        Optional<PayerClaimRecord> record = payer.record(claimId, username);
        Optional<PriorClaim> stored = payer.stored(claimId, username);
        if (record.isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        ClaimResult result = Disclosure.EXAM.show(stored.get().result());
        if (result.status() == ClaimStatus.REJECTED || result.status() == ClaimStatus.REVERSED) {
            return Optional.empty();
        }
        return Optional.of(new Era(claimId, record.get().getLedger(), result, payer.write835(List.of(result))));
    }

    /** Scores and stores a hand posting of the caller's claim; empty when the claim is not theirs to post. */
    @Transactional
    public Optional<Scored> submit(String username, long claimId, HandPosting hand) {
        Optional<Era> era = era(username, claimId);
        if (era.isEmpty()) {
            return Optional.empty();
        }
        ClaimResult result = era.get().result();
        PostingGrade grade = PostingGrader.grade(result, hand);
        Integer earlier = jdbc.queryForObject(
                "SELECT COUNT(*) FROM billing_posting_exercise WHERE username = ? AND claim_id = ?",
                Integer.class,
                username,
                claimId);
        String patient = (result.patientFirstName() + " " + result.patientLastName()).trim();
        Instant now = Instant.now();
        jdbc.update(
                "INSERT INTO billing_posting_exercise (username, ledger, claim_id, payer_claim_number, patient, score,"
                        + " differences, counted, entries_json, grade_json, submitted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                username,
                era.get().ledger(),
                claimId,
                result.payerClaimNumber(),
                patient.length() > 200 ? patient.substring(0, 200) : patient,
                grade.score(),
                grade.differences().size(),
                earlier == null || earlier == 0,
                Json.MAPPER.writeValueAsString(hand),
                Json.MAPPER.writeValueAsString(grade),
                now.atOffset(ZoneOffset.UTC));
        Attempt attempt = attempts(username).getLast();
        return Optional.of(new Scored(attempt, grade, automatic(result)));
    }

    /** The caller's stored attempt with its checks (404 semantics: empty for another user's). */
    public Optional<Scored> scored(String username, long attemptId) {
        List<Scored> found = jdbc.query(
                SELECT + " WHERE username = ? AND id = ?",
                (rs, n) -> new Scored(
                        ATTEMPT.mapRow(rs, n),
                        Json.MAPPER.readValue(rs.getString("grade_json"), PostingGrade.class),
                        List.of()),
                username,
                attemptId);
        return found.stream()
                .findFirst()
                .map(s -> new Scored(
                        s.attempt(),
                        s.grade(),
                        era(username, s.attempt().claimId())
                                .map(e -> automatic(e.result()))
                                .orElse(List.of())));
    }

    /** The caller's attempts, oldest first. */
    public List<Attempt> attempts(String username) {
        return jdbc.query(SELECT + " WHERE username = ? ORDER BY id", ATTEMPT, username);
    }

    /**
     * The attempts {@code viewer} may see of other trainees: an instructor's cohorts' students, everyone's for an
     * administrator; newest first.
     */
    public List<Attempt> cohortAttempts(String viewer, Set<Role> roles) {
        if (roles.contains(Role.ADMIN)) {
            return jdbc.query(SELECT + " ORDER BY id DESC", ATTEMPT);
        }
        if (!roles.contains(Role.INSTRUCTOR)) {
            return List.of();
        }
        List<String> students = ar.studentsOf(viewer);
        if (students.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(students.size(), "?"));
        return jdbc.query(SELECT + " WHERE username IN (" + in + ") ORDER BY id DESC", ATTEMPT, students.toArray());
    }

    /** What the automatic posting makes of the ERA: the answer a hand posting is scored against. */
    static List<LedgerTransaction> automatic(ClaimResult result) {
        return RemittancePosting.post(
                result, new RemittancePosting.Patient("", "", result.memberId()), java.time.LocalDate.EPOCH);
    }

    private static final String SELECT = "SELECT id, username, ledger, claim_id, payer_claim_number, patient, score,"
            + " differences, counted, submitted_at, grade_json FROM billing_posting_exercise";

    private static final RowMapper<Attempt> ATTEMPT = (rs, n) -> new Attempt(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("ledger"),
            rs.getLong("claim_id"),
            rs.getString("payer_claim_number"),
            rs.getString("patient"),
            rs.getInt("score"),
            rs.getInt("differences"),
            rs.getBoolean("counted"),
            toInstant(rs.getTimestamp("submitted_at")));

    private static Instant toInstant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
