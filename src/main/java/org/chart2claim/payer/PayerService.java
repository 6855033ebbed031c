package org.chart2claim.payer;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.x12.Claim837Reader;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.payer.data.PayerRules;
import org.chart2claim.payer.data.PayerRulesLoader;
import org.chart2claim.payer.x12.Remittance835Writer;
import org.chart2claim.standard.x12.X12Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated payer as the app uses it: reads 837P, adjudicates claims as the caller within a ledger
 * (duplicate and deductible history only see earlier claims of the same user and ledger), stores claims
 * and remittances, and writes 837P/835 for display and download.
 */
@Service
public class PayerService {
    private static final Logger log = LoggerFactory.getLogger(PayerService.class);
    public static final String DEFAULT_LEDGER = "default";

    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(
                    DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final ContentLocations locations;
    private final ObjectProvider<CodeLookup> codeLookup;
    private final PayerClaimRepository repository;
    private final AtomicInteger interchangeCounter = new AtomicInteger(1);
    private volatile PayerRules rules;
    private volatile Adjudicator adjudicator;

    /** Setting chart2claim.ncci-dir: folder of official CMS NCCI practitioner files; empty = our curated tables. */
    private final String ncciDir;

    public PayerService(
            ContentLocations locations,
            ObjectProvider<CodeLookup> codeLookup,
            PayerClaimRepository repository,
            @Value("${chart2claim.ncci-dir:}") String ncciDir) {
        this.locations = locations;
        this.ncciDir = ncciDir;
        this.codeLookup = codeLookup;
        this.repository = repository;
    }

    public PayerRules rules() {
        if (rules == null) {
            synchronized (this) {
                if (rules == null) {
                    PayerRulesLoader loader = PayerRulesLoader.fromDirectory(locations.codebooksDir());
                    if (ncciDir != null && !ncciDir.isBlank()) {
                        loader = loader.withOfficialNcci(Path.of(ncciDir.trim()));
                    }
                    rules = loader.load();
                    if (ncciDir != null && !ncciDir.isBlank()) {
                        LoggerFactory.getLogger(PayerService.class)
                                .info(
                                        "Official NCCI tables from {}: {} PTP edits, {} MUE values",
                                        ncciDir.trim(),
                                        rules.ptpEditCount(),
                                        rules.mueCount());
                    }
                }
            }
        }
        return rules;
    }

    Adjudicator adjudicator() {
        if (adjudicator == null) {
            synchronized (this) {
                if (adjudicator == null) {
                    CodeLookup lookup = codeLookup.getIfAvailable();
                    if (lookup == null) {
                        throw new IllegalStateException(
                                "The code books are not loaded, so claims cannot be adjudicated.");
                    }
                    adjudicator = new Adjudicator(rules(), lookup);
                }
            }
        }
        return adjudicator;
    }

    /** Reads an 837P interchange; malformed X12 raises an exception naming segment and position. */
    public List<ParsedClaim> read837(byte[] x12) throws X12FormatException {
        return Claim837Reader.readAll(new ByteArrayInputStream(x12));
    }

    /** Adjudicates claims as {@code username} in {@code ledger}, stores them and returns the results in order. */
    @Transactional
    public List<ClaimResult> submit(
            String username,
            String ledger,
            List<ParsedClaim> claims,
            LocalDate receivedOn,
            String scenarioId,
            DocumentedEncounter documentation) {
        String book = ledger == null || ledger.isBlank() ? DEFAULT_LEDGER : ledger.trim();
        refuseUnanswerable(book, claims);
        List<PriorClaim> history = new ArrayList<>(history(username, book));
        List<ClaimResult> results = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (ParsedClaim parsed : claims) {
            Claim claim = parsed.claim();
            List<String> problems = parsed.problems();
            if (claim != null
                    && claim.frequency().needsOriginalClaimNumber()
                    && !ClaimText.isBlank(claim.originalClaimNumber())) {
                Optional<PriorClaim> original = reversibleOriginal(history, claim.originalClaimNumber());
                if (original.isEmpty()) {
                    problems = new ArrayList<>(problems);
                    problems.add(
                            "Box 22 / REF*F8: " + claim.originalClaimNumber().trim()
                                    + " is not a processed claim of ledger '" + book
                                    + "' that can still be replaced or voided.");
                } else {
                    ClaimResult reversal = reverse(username, book, scenarioId, receivedOn, original.get());
                    history.add(new PriorClaim(original.get().claim(), reversal));
                    results.add(reversal);
                    if (claim.frequency() == FrequencyCode.VOID) {
                        continue; // a void only takes the original back: nothing new to adjudicate
                    }
                }
            }
            PayerClaimRecord record = repository.save(new PayerClaimRecord(
                    username,
                    book,
                    scenarioId,
                    claim.patientControlNumber(),
                    claim.payerId(),
                    claim.insured() == null ? "" : claim.insured().memberId(),
                    receivedOn,
                    JSON.writeValueAsString(claim)));
            record.assignPayerClaimNumber();
            ClaimResult result = adjudicator()
                    .adjudicate(
                            new AdjudicationRequest(
                                    claim, problems, receivedOn, history, documentation, record.getPayerClaimNumber()),
                            today);
            record.record(result, JSON.writeValueAsString(result));
            repository.save(record);
            if (result.status() != ClaimStatus.REJECTED) {
                history.add(new PriorClaim(claim, result));
            }
            results.add(result);
        }
        return results;
    }

    /** The ledger's standing claim with this payer claim number, when it was processed and not yet reversed. */
    private static Optional<PriorClaim> reversibleOriginal(List<PriorClaim> history, String payerClaimNumber) {
        String number = payerClaimNumber.trim();
        if (ClaimReversal.alreadyReversed(history, number)) {
            return Optional.empty();
        }
        return history.stream()
                .filter(p ->
                        number.equalsIgnoreCase(p.result().payerClaimNumber()) && ClaimReversal.reversible(p.result()))
                .reduce((a, b) -> b);
    }

    /** Stores the reversal of {@code original} (same claim, opposite amounts, the original's claim number). */
    private ClaimResult reverse(
            String username, String ledger, String scenarioId, LocalDate receivedOn, PriorClaim original) {
        ClaimResult reversal = ClaimReversal.of(original.result());
        Claim claim = original.claim();
        PayerClaimRecord record = repository.save(new PayerClaimRecord(
                username,
                ledger,
                scenarioId,
                claim.patientControlNumber(),
                claim.payerId(),
                claim.insured() == null ? "" : claim.insured().memberId(),
                receivedOn,
                JSON.writeValueAsString(claim)));
        record.assignPayerClaimNumber(reversal.payerClaimNumber());
        record.record(reversal, JSON.writeValueAsString(reversal));
        repository.save(record);
        return reversal;
    }

    /**
     * Submits like {@link #submit} and builds the caller's answer (e.g. the 835) in the same transaction: if
     * the answer cannot be produced, nothing is stored.
     */
    @Transactional
    public <T> T submitAndAnswer(
            String username,
            String ledger,
            List<ParsedClaim> claims,
            LocalDate receivedOn,
            Function<List<ClaimResult>, T> answer) {
        return answer.apply(submit(username, ledger, claims, receivedOn, null, null));
    }

    /** Refuses the whole request when any claim cannot be stored or written back (see {@link ClaimSizeLimits}). */
    private static void refuseUnanswerable(String ledger, List<ParsedClaim> claims) {
        List<String> problems = new ArrayList<>();
        if (ledger.length() > 100) {
            problems.add("The ledger name has " + ledger.length() + " characters; at most 100 fit.");
        }
        for (int i = 0; i < claims.size(); i++) {
            String prefix = claims.size() == 1 ? "" : "Claim " + (i + 1) + ": ";
            ClaimSizeLimits.problems(claims.get(i).claim()).forEach(p -> problems.add(prefix + p));
        }
        if (!problems.isEmpty()) {
            throw new UnanswerableClaimsException(problems);
        }
    }

    /** Claims that cannot be stored or answered as sent; nothing of the request was stored. */
    public static final class UnanswerableClaimsException extends RuntimeException {
        private final List<String> problems;

        UnanswerableClaimsException(List<String> problems) {
            super(
                    problems.size() == 1
                            ? problems.getFirst()
                            : problems.size() + " problems, the first: " + problems.getFirst());
            this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), 100)));
        }

        public List<String> problems() {
            return problems;
        }
    }

    public List<PriorClaim> history(String username, String ledger) {
        List<PriorClaim> out = new ArrayList<>();
        for (PayerClaimRecord r : repository.findByUsernameAndLedgerOrderByIdAsc(username, ledger)) {
            if (r.getResultJson() == null || ClaimStatus.REJECTED.name().equals(r.getStatus())) {
                continue; // rejected at the front end: never processed, so no history
            }
            try {
                out.add(new PriorClaim(
                        JSON.readValue(r.getClaimJson(), Claim.class),
                        JSON.readValue(r.getResultJson(), ClaimResult.class)));
            } catch (RuntimeException e) {
                // One unreadable record must not block every later claim of the ledger: skip it and say so.
                log.warn(
                        "Claim record {} of {} / {} is unreadable and left out of the claim history: {}",
                        r.getId(),
                        username,
                        ledger,
                        e.toString());
            }
        }
        return out;
    }

    public List<PayerClaimRecord> recent(String username) {
        return repository.findTop50ByUsernameOrderByIdDesc(username);
    }

    /** Every claim of the caller, newest first: originals, replacements and reversals. */
    public List<PayerClaimRecord> allClaims(String username) {
        return repository.findByUsernameOrderByIdDesc(username);
    }

    /**
     * The reversal that goes with a stored claim, for its owner: for a replacement or void the reversal of the
     * original it named, for a claim that was taken back its own reversal.
     */
    public Optional<ClaimResult> reversalFor(long id, String username) {
        Optional<PayerClaimRecord> record = record(id, username);
        Optional<PriorClaim> stored = stored(id, username);
        if (record.isEmpty() || stored.isEmpty() || stored.get().result().status() == ClaimStatus.REVERSED) {
            return Optional.empty();
        }
        Claim claim = stored.get().claim();
        String reversed = claim.frequency().needsOriginalClaimNumber()
                ? ClaimText.nz(claim.originalClaimNumber()).trim()
                : record.get().getPayerClaimNumber();
        return history(username, record.get().getLedger()).stream()
                .map(PriorClaim::result)
                .filter(r -> r.status() == ClaimStatus.REVERSED && reversed.equalsIgnoreCase(r.payerClaimNumber()))
                .reduce((a, b) -> b);
    }

    /** A stored claim and its result, only for its owner. */
    public Optional<PriorClaim> stored(long id, String username) {
        return repository
                .findById(id)
                .filter(r -> r.getUsername().equals(username) && r.getResultJson() != null)
                .map(r -> new PriorClaim(
                        JSON.readValue(r.getClaimJson(), Claim.class),
                        JSON.readValue(r.getResultJson(), ClaimResult.class)));
    }

    /** The stored record behind a result (payer claim numbers are "SIM" + the record id). */
    public Optional<Long> recordId(ClaimResult result) {
        return recordId(result.payerClaimNumber());
    }

    /** The stored record id behind a payer claim number ("SIM" + the record id), empty for other numbers. */
    public Optional<Long> recordId(String n) {
        if (n == null || !n.matches("SIM\\d{8}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(n.substring(3)));
    }

    /** The stored record (ledger, scenario, numbers) for its owner only. */
    public Optional<PayerClaimRecord> record(long id, String username) {
        return repository.findById(id).filter(r -> r.getUsername().equals(username));
    }

    public String write837(List<Claim> claims) {
        return new Claim837Writer().write(claims, envelope("CHART2CLAIM", "SIMPAYER"));
    }

    public String write835(List<ClaimResult> results) {
        return new Remittance835Writer().write(results, envelope("SIMPAYER", "CHART2CLAIM"), LocalDate.now());
    }

    private X12Envelope envelope(String sender, String receiver) {
        return new X12Envelope(
                sender, receiver, interchangeCounter.getAndIncrement() % 999_999_999, LocalDateTime.now(), 'T');
    }
}
