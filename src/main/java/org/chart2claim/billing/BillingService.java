package org.chart2claim.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.account.Role;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.practice.Practice;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.config.Json;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerClaimRecord;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.PriorClaim;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim workflow of the practice's billing office: pre-fill a claim from a scenario and the learner's
 * latest coding, date its receipt on the simulated clock, submit it to the payer with the scenario's
 * documentation, and reopen a submitted claim for correction in its ledger.
 */
@Service
public class BillingService {
    /** Practice runs without a submission date are received a week after the date of service. */
    public static final int SIMULATED_FILING_DELAY_DAYS = 7;

    private final PayerService payer;
    private final ScenarioLibrary scenarios;
    private final AttemptService attempts;
    private final ContentLocations locations;
    private final LedgerClockService clock;
    private volatile Practice practice;

    public BillingService(
            PayerService payer,
            ScenarioLibrary scenarios,
            AttemptService attempts,
            ContentLocations locations,
            LedgerClockService clock) {
        this.payer = payer;
        this.scenarios = scenarios;
        this.attempts = attempts;
        this.locations = locations;
        this.clock = clock;
    }

    /** The practice's charge master and billing addresses, read once. */
    public Practice practice() {
        if (practice == null) {
            synchronized (this) {
                if (practice == null) {
                    practice = Practice.load(locations.codebooksDir());
                }
            }
        }
        return practice;
    }

    /** The payer's display name for a payer id (box 11c / NM1*PR), empty when unknown. */
    public String payerName(String payerId) {
        return payer.rules().payer(payerId).map(p -> p.name()).orElse("");
    }

    /** The claim a practice-management system pre-fills from the scenario plus the learner's codes. */
    public Claim claimFromScenario(Scenario scenario, CodingAnswer coding) {
        var address = practice().address(scenario.billingProvider().npi()).orElseThrow();
        String pcn = "C2C"
                + Long.toString(System.currentTimeMillis() % 100_000_000_000L, 36)
                        .toUpperCase();
        return ScenarioClaims.build(scenario, coding, pcn, practice()::charge, address.address(), address.phone());
    }

    /** The learner's coding of a scenario to bill: latest submitted attempt, else the draft, else nothing. */
    public CodingAnswer latestCoding(String username, Set<Role> roles, String scenarioId) {
        Optional<CodingAnswer> submitted = attempts.history(username).stream()
                .filter(a -> a.scenarioId().equals(scenarioId))
                .reduce((a, b) -> b)
                .flatMap(a -> attempts.attemptFor(a.id(), username, roles))
                .map(AttemptService.GradedAttempt::answer);
        return submitted.or(() -> attempts.draft(username, scenarioId)).orElse(CodingAnswer.empty());
    }

    /** The codes of one of the learner's own submitted attempts of this scenario ("Build a claim from this attempt"). */
    public Optional<CodingAnswer> attemptCoding(String username, Set<Role> roles, String scenarioId, long attemptId) {
        return attempts.attemptFor(attemptId, username, roles)
                .filter(a -> a.username().equals(username) && a.scenarioId().equals(scenarioId))
                .map(AttemptService.GradedAttempt::answer);
    }

    /**
     * The shortcut for scripted practice: builds the claim from the scenario and the learner's codes and
     * answers as {@code disclosure} shows the result (an assessment passes {@link Disclosure#EXAM}).
     */
    @Transactional
    public ClaimResult submitScenario(
            String username,
            Scenario scenario,
            CodingAnswer coding,
            LocalDate submittedOn,
            String ledger,
            Disclosure disclosure) {
        return submitScenario(username, scenario, coding, submittedOn, ledger, null, disclosure)
                .getLast();
    }

    /**
     * The same, and with {@code replaces} (a payer claim number of the caller) sent as a frequency-7 replacement
     * of that claim in the original's ledger: the answer starts with the payer's reversal of the original.
     */
    @Transactional
    public List<ClaimResult> submitScenario(
            String username,
            Scenario scenario,
            CodingAnswer coding,
            LocalDate submittedOn,
            String ledger,
            String replaces,
            Disclosure disclosure) {
        Claim claim = claimFromScenario(scenario, coding);
        String book = ledger;
        if (replaces != null && !replaces.isBlank()) {
            String number = replaces.trim();
            claim = ClaimBuilder.from(claim)
                    .frequency(FrequencyCode.REPLACEMENT, number)
                    .build();
            book = originalLedger(username, number).orElse(ledger);
        }
        LocalDate received =
                submittedOn != null ? submittedOn : scenario.dateOfService().plusDays(SIMULATED_FILING_DELAY_DAYS);
        return submit(username, book, claim, received, scenario, disclosure);
    }

    /** The ledger of the caller's claim with this payer claim number, when there is one. */
    private Optional<String> originalLedger(String username, String payerClaimNumber) {
        return payer.recordId(payerClaimNumber)
                .flatMap(id -> payer.record(id, username))
                .map(PayerClaimRecord::getLedger);
    }

    /**
     * Submits a claim built in the claim builder. A claim started from a scenario is received a week after its first
     * date of service, a blank claim today; never before the ledger's simulated "today", so a correction or
     * resubmission into a ledger whose clock moved on is received on that date. Answers the payer's last result: the
     * claim's own, or for a void the reversal of the original.
     */
    @Transactional
    public ClaimResult submitBuilt(String username, String ledger, Claim claim, Scenario startedFrom) {
        LocalDate firstDate = claim.firstServiceDate();
        LocalDate received = startedFrom != null && firstDate != null
                ? firstDate.plusDays(SIMULATED_FILING_DELAY_DAYS)
                : LocalDate.now();
        if (clock.hasLedger(username, ledger) && clock.today(username, ledger).isAfter(received)) {
            received = clock.today(username, ledger);
        }
        return submit(username, ledger, claim, received, startedFrom, Disclosure.TEACHING)
                .getLast();
    }

    private List<ClaimResult> submit(
            String username, String ledger, Claim claim, LocalDate received, Scenario scenario, Disclosure disclosure) {
        List<ClaimResult> results = payer.submit(
                username,
                ledger,
                List.of(new ParsedClaim(claim, List.of())),
                received,
                scenario == null ? null : scenario.id(),
                scenario == null ? null : ScenarioDocumentation.of(scenario),
                disclosure);
        if (scenario != null) {
            // The claim keeps the scenario version it was made on (issue 12).
            results.forEach(r -> scenarios.recordClaim(r.payerClaimNumber(), scenario));
        }
        return results;
    }

    /**
     * What the simulated payer would answer for the scenario's claim with these codes, received a week after the
     * date of service, in an empty ledger: nothing is stored (the authoring editor's "Check with the payer"). The
     * scenario's patient counts as enrolled (publishing enrols them, see {@link ScenarioEnrolment}).
     */
    public ClaimResult checkScenario(Scenario scenario, CodingAnswer coding) {
        return payer.adjudicateUnstored(
                claimFromScenario(scenario, coding),
                scenario.dateOfService().plusDays(SIMULATED_FILING_DELAY_DAYS),
                ScenarioDocumentation.of(scenario),
                ScenarioEnrolment.enrolling(scenario));
    }

    /** "Last, First" of a stored claim's patient, read from the claim as submitted. */
    public String patientOf(PayerClaimRecord record) {
        Claim claim = Json.MAPPER.readValue(record.getClaimJson(), Claim.class);
        if (claim.patient() == null || claim.patient().name() == null) {
            return "";
        }
        return claim.patient().name().last() + ", " + claim.patient().name().first();
    }

    /** Every claim the caller submitted, newest first, with reversals as their own rows: "My claims". */
    public List<PayerClaimRecord> myClaims(String username) {
        return payer.allClaims(username);
    }

    /** The claim as an X12 837P interchange, for display and download. */
    public String write837(Claim claim) {
        return payer.write837(List.of(claim));
    }

    /** The stored claim behind a payer's answer, to open its remittance. */
    public Optional<Long> recordId(ClaimResult result) {
        return payer.recordId(result);
    }

    /** A submitted claim reopened for correction: the claim, the payer's answer, its ledger and scenario. */
    public record Correction(Claim claim, ClaimResult previous, String ledger, Optional<Scenario> scenario) {}

    /** The caller's own submitted claim {@code id}, to correct and resubmit; empty for anybody else's. */
    public Optional<Correction> correction(long id, String username) {
        Optional<PayerClaimRecord> record = payer.record(id, username);
        Optional<PriorClaim> stored = payer.stored(id, username);
        if (record.isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        String scenarioId = record.get().getScenarioId();
        return Optional.of(new Correction(
                stored.get().claim(),
                stored.get().result(),
                record.get().getLedger(),
                scenarioId == null
                        ? Optional.empty()
                        : scenarios
                                .scenarioOfClaim(record.get().getPayerClaimNumber())
                                .or(() -> scenarios.find(scenarioId))));
    }
}
