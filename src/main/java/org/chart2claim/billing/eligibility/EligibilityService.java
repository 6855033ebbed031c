package org.chart2claim.billing.eligibility;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.chart2claim.billing.eligibility.x12.Eligibility270Reader;
import org.chart2claim.billing.eligibility.x12.Eligibility271Writer;
import org.chart2claim.billing.eligibility.x12.Inquiry270;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.payer.PayerService;
import org.chart2claim.standard.x12.X12Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Eligibility and benefits as the simulated payer answers them: JSON for the screen and the API, X12 270 in / 271
 * out. The member's deductible and out-of-pocket "met" add what the practice ledger already posted this year. Every
 * check is remembered per trainee, so a claim built afterwards shows the benefits used, and an eligibility denial
 * without a prior check says that a 270/271 would have shown it.
 */
@Service
public class EligibilityService {
    private final PayerService payer;
    private final PostingService posting;
    private final ContentLocations locations;
    private final JdbcTemplate jdbc;
    private final AtomicInteger control = new AtomicInteger(1);
    private volatile PlanBenefits benefits;

    public EligibilityService(
            PayerService payer, PostingService posting, ContentLocations locations, JdbcTemplate jdbc) {
        this.payer = payer;
        this.posting = posting;
        this.locations = locations;
        this.jdbc = jdbc;
    }

    public PlanBenefits benefits() {
        if (benefits == null) {
            synchronized (this) {
                if (benefits == null) {
                    benefits = PlanBenefits.load(locations.codebooksDir().resolve("payers"));
                }
            }
        }
        return benefits;
    }

    /** A request that cannot be answered at all (missing fields): every problem. */
    public static final class BadInquiry extends RuntimeException {
        public BadInquiry(List<String> problems) {
            super(String.join(" ", problems));
        }
    }

    /** Answers one inquiry and remembers it for the trainee. */
    @Transactional
    public EligibilityAnswer check(String username, EligibilityRequest request) {
        List<String> problems = EligibilityCheck.problems(request);
        if (!problems.isEmpty()) {
            throw new BadInquiry(problems);
        }
        EligibilityAnswer answer = answer(username, request);
        remember(username, answer);
        return answer;
    }

    private EligibilityAnswer answer(String username, EligibilityRequest r) {
        EligibilityCheck.LedgerShare share = EligibilityCheck.LedgerShare.NONE;
        if (r.ledger() != null && !r.ledger().isBlank() && r.dateOfService() != null) {
            String payerId = payer.rules().payer(r.payerId()).map(p -> p.id()).orElse("");
            int year = r.dateOfService().getYear();
            share = new EligibilityCheck.LedgerShare(
                    posting.deductiblePosted(username, r.ledger().trim(), payerId, r.memberId(), year),
                    posting.patientSharePosted(username, r.ledger().trim(), payerId, r.memberId(), year));
        }
        return EligibilityCheck.answer(r, payer.rules(), payer::member, benefits(), share);
    }

    /** Answers a 270 interchange with a 271 (every subscriber in it); malformed X12 fails with segment and position. */
    @Transactional
    public String check270(String username, byte[] x12, String ledger) throws X12FormatException {
        Eligibility270Reader.Read read = Eligibility270Reader.read(x12);
        List<Eligibility271Writer.Answered> answered = new ArrayList<>();
        for (Inquiry270 q : read.inquiries()) {
            EligibilityRequest request = new EligibilityRequest(
                    q.payerId(),
                    q.memberId(),
                    q.lastName(),
                    q.firstName(),
                    q.birthDate(),
                    q.dateOfService() == null ? java.time.LocalDate.now(ZoneOffset.UTC) : q.dateOfService(),
                    q.serviceTypes().getFirst(),
                    ledger);
            List<String> problems = EligibilityCheck.problems(request);
            EligibilityAnswer answer = problems.isEmpty()
                    ? answer(username, request)
                    : EligibilityCheck.answer(
                            new EligibilityRequest(
                                    request.payerId(),
                                    request.memberId(),
                                    request.lastName() == null ? "" : request.lastName(),
                                    request.firstName() == null ? "" : request.firstName(),
                                    request.birthDate(),
                                    request.dateOfService(),
                                    "30",
                                    null),
                            payer.rules(),
                            payer::member,
                            benefits(),
                            EligibilityCheck.LedgerShare.NONE);
            remember(username, answer);
            answered.add(new Eligibility271Writer.Answered(q, answer));
        }
        return new Eligibility271Writer()
                .write(
                        read.reference(),
                        answered,
                        new X12Envelope(
                                "SIMPAYER",
                                "CHART2CLAIM",
                                control.getAndIncrement() % 999_999_999,
                                LocalDateTime.now(ZoneOffset.UTC),
                                'T'));
    }

    /** The 271 the payer would send for this inquiry (the screen shows it beside the answer). */
    public String as271(EligibilityRequest r, EligibilityAnswer answer) {
        Inquiry270 inquiry = new Inquiry270(
                r.payerId(),
                answer.payerName() == null ? "" : answer.payerName(),
                "CHART2CLAIM PRACTICE",
                "",
                "C2C" + System.currentTimeMillis() % 1_000_000,
                "9CHART2CLM",
                r.lastName(),
                r.firstName(),
                r.memberId().trim(),
                r.birthDate(),
                r.dateOfService(),
                List.of(answer.serviceType()));
        return new Eligibility271Writer()
                .write(
                        "",
                        List.of(new Eligibility271Writer.Answered(inquiry, answer)),
                        new X12Envelope(
                                "SIMPAYER",
                                "CHART2CLAIM",
                                control.getAndIncrement() % 999_999_999,
                                LocalDateTime.now(ZoneOffset.UTC),
                                'T'));
    }

    private void remember(String username, EligibilityAnswer answer) {
        if (answer.payerId() == null || answer.memberId() == null || answer.dateOfService() == null) {
            return;
        }
        jdbc.update(
                "INSERT INTO billing_eligibility_check (username, payer_id, member_id, service_date, active, reason,"
                        + " checked_at, answer_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                username,
                cut(answer.payerId(), 40),
                cut(answer.memberId().toUpperCase(java.util.Locale.ROOT), 80),
                answer.dateOfService(),
                answer.active(),
                answer.reason(),
                Instant.now().atOffset(ZoneOffset.UTC),
                org.chart2claim.config.Json.MAPPER.writeValueAsString(answer));
    }

    /** A check the trainee ran, when and what the payer answered. */
    public record StoredCheck(Instant checkedAt, EligibilityAnswer answer) {}

    /** The trainee's latest check of this member with this payer, if any. */
    public Optional<StoredCheck> latestCheck(String username, String payerId, String memberId) {
        if (payerId == null || memberId == null || memberId.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT checked_at, answer_json FROM billing_eligibility_check WHERE username = ? AND payer_id = ?"
                                + " AND member_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                        (rs, n) -> new StoredCheck(
                                rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                                org.chart2claim.config.Json.MAPPER.readValue(rs.getString(2), EligibilityAnswer.class)),
                        username,
                        payerId.trim(),
                        memberId.trim().toUpperCase(java.util.Locale.ROOT))
                .stream()
                .findFirst();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
