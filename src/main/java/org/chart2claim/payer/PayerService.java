package org.chart2claim.payer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.x12.Claim837Reader;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.config.Json;
import org.chart2claim.payer.data.Authorization;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.data.PayerRules;
import org.chart2claim.payer.data.PayerRulesLoader;
import org.chart2claim.payer.data.PaymentIndicators;
import org.chart2claim.payer.edit.EditRegistry;
import org.chart2claim.payer.x12.Remittance835Writer;
import org.chart2claim.standard.x12.X12Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The simulated payer as the app uses it: reads 837P, adjudicates claims as the caller within a ledger
 * (duplicate and deductible history only see earlier claims of the same user and ledger), stores claims
 * and remittances, and writes 837P/835 for display and download.
 */
@Service
public class PayerService {
    private static final Logger log = LoggerFactory.getLogger(PayerService.class);
    public static final String DEFAULT_LEDGER = "default";
    /** Claims stored and adjudicated per database batch. */
    public static final int BATCH = 500;

    private final ContentLocations locations;
    private final CodeLookup codeLookup;
    private final PayerClaimRepository repository;
    private final ClaimLedger claimLedger;
    // features above the payer (denial drills) provide them; looked up at use
    private final ObjectProvider<PersistentPayerErrors> persistentErrors;
    private final ObjectProvider<ReceiptListener> receiptListeners;
    private final ObjectProvider<EnrolledMembers> enrolledMembers;
    private final AtomicInteger interchangeCounter = new AtomicInteger(1);
    private volatile PayerRules rules;
    private volatile Adjudicator adjudicator;

    /** Setting chart2claim.ncci-dir: folder of official CMS NCCI practitioner files; empty = our curated tables. */
    private final String ncciDir;

    public PayerService(
            ContentLocations locations,
            CodeLookup codeLookup,
            PayerClaimRepository repository,
            ClaimLedger claimLedger,
            ObjectProvider<PersistentPayerErrors> persistentErrors,
            ObjectProvider<ReceiptListener> receiptListeners,
            ObjectProvider<EnrolledMembers> enrolledMembers,
            @Value("${chart2claim.ncci-dir:}") String ncciDir) {
        this.persistentErrors = persistentErrors;
        this.enrolledMembers = enrolledMembers;
        this.receiptListeners = receiptListeners;
        this.locations = locations;
        this.ncciDir = ncciDir;
        this.codeLookup = codeLookup;
        this.repository = repository;
        this.claimLedger = claimLedger;
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
                    adjudicator = new Adjudicator(rules(), codeLookup, EditRegistry.standard(), this::enrolledMember);
                }
            }
        }
        return adjudicator;
    }

    /**
     * Whether a line of {@code code} can open a global surgical period: the only earlier lines the global-surgery edit
     * uses (a ledger's history may hold just these for members with more lines than it may hold).
     */
    private boolean opensGlobalPeriod(String code) {
        PaymentIndicators indicators = rules().indicators();
        return indicators != null && code != null && indicators.globalDays(code) >= 0;
    }

    /** A member beyond the file: the first {@link EnrolledMembers} bean that enrolled {@code memberId}. */
    private Optional<Member> enrolledMember(String payerId, String memberId) {
        return enrolledMembers
                .orderedStream()
                .map(e -> e.member(payerId, memberId))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The member {@code memberId} of {@code payerId} as the payer knows it: the file's, else one enrolled by an
     * {@link EnrolledMembers} bean (an authored scenario's patient).
     */
    public Optional<Member> member(String payerId, String memberId) {
        if (payerId == null || memberId == null) {
            return Optional.empty();
        }
        return rules().member(payerId, memberId).or(() -> enrolledMember(payerId, memberId));
    }

    /**
     * What the payer would answer for one claim received on {@code receivedOn} in an empty ledger: adjudicated as
     * {@link #submit} adjudicates, but stored nowhere and seeing no earlier claim (an instructor checking an answer
     * key before publishing it; checking twice is no duplicate).
     */
    public ClaimResult adjudicateUnstored(Claim claim, LocalDate receivedOn, DocumentedEncounter documentation) {
        return adjudicateUnstored(claim, receivedOn, documentation, EnrolledMembers.NONE);
    }

    /**
     * The same, with {@code alsoEnrolled} asked after the file and before the other enrolled members: a scenario
     * being checked before it is published enrols its own patient.
     */
    public ClaimResult adjudicateUnstored(
            Claim claim, LocalDate receivedOn, DocumentedEncounter documentation, EnrolledMembers alsoEnrolled) {
        return adjudicator()
                .adjudicate(
                        new AdjudicationRequest(
                                claim, List.of(), receivedOn, ClaimHistory.empty(), documentation, "CHECK"),
                        LocalDate.now(),
                        alsoEnrolled);
    }

    /** Reads an 837P interchange; malformed X12 raises an exception naming segment and position. */
    public List<ParsedClaim> read837(byte[] x12) throws X12FormatException {
        return Claim837Reader.readAll(new ByteArrayInputStream(x12));
    }

    /**
     * Adjudicates claims as {@code username} in {@code ledger}, stores them with the documentation the payer
     * may review, and returns the results in order as {@code disclosure} shows them (stored results keep their
     * hints). {@code scenarioId} is the caller's reference, stored as is. Claims are stored and answered
     * {@value #BATCH} at a time; the duplicate and deductible edits ask the ledger's history index, so a claim
     * costs the same in an empty ledger as in one of 100,000 claims.
     */
    @Transactional
    public List<ClaimResult> submit(
            String username,
            String ledger,
            List<ParsedClaim> claims,
            LocalDate receivedOn,
            String scenarioId,
            DocumentedEncounter documentation,
            Disclosure disclosure) {
        return submit(username, ledger, claims, receivedOn, scenarioId, documentation, disclosure, done -> {});
    }

    /**
     * The same, telling {@code progress} how many claims are done after every batch; a listener that throws
     * (e.g. because nobody waits for the answer any more) stops the work and rolls the whole file back.
     */
    @Transactional
    public List<ClaimResult> submit(
            String username,
            String ledger,
            List<ParsedClaim> claims,
            LocalDate receivedOn,
            String scenarioId,
            DocumentedEncounter documentation,
            Disclosure disclosure,
            IntConsumer progress) {
        return submit(
                username,
                ledger,
                claims,
                receivedOn,
                scenarioId,
                documentation,
                disclosure,
                progress,
                UnaryOperator.identity());
    }

    /**
     * Denial drills: adjudicates and stores one claim like {@link #submit}, but remits it with a payer-side
     * {@code error} on one line (see {@link PayerError}). Answers the remitted result.
     */
    @Transactional
    public ClaimResult submitWithPayerError(
            String username,
            String ledger,
            Claim claim,
            LocalDate receivedOn,
            String scenarioId,
            DocumentedEncounter documentation,
            PayerError error) {
        return submit(
                        username,
                        ledger,
                        List.of(new ParsedClaim(claim, List.of())),
                        receivedOn,
                        scenarioId,
                        documentation,
                        Disclosure.TEACHING,
                        done -> {},
                        honest -> honest.status() == ClaimStatus.REJECTED ? honest : error.apply(honest))
                .getLast();
    }

    private List<ClaimResult> submit(
            String username,
            String ledger,
            List<ParsedClaim> claims,
            LocalDate receivedOn,
            String scenarioId,
            DocumentedEncounter documentation,
            Disclosure disclosure,
            IntConsumer progress,
            UnaryOperator<ClaimResult> remitAs) {
        String book = ledgerName(ledger);
        Unanswerable unanswerable = new Unanswerable(book);
        for (int i = 0; i < claims.size(); i++) {
            unanswerable.check(i, claims.get(i).claim());
        }
        unanswerable.refuseIfAny(claims.size());
        List<ClaimResult> results = new ArrayList<>(claims.size());
        Submission submission = new Submission(
                username,
                book,
                receivedOn,
                scenarioId,
                documentation,
                disclosure,
                progress,
                remitAs,
                (r, json) -> results.add(r));
        claims.forEach(submission::decide);
        submission.finish();
        return results;
    }

    private static String ledgerName(String ledger) {
        return ledger == null || ledger.isBlank() ? DEFAULT_LEDGER : ledger.trim();
    }

    /**
     * Reads a claim file from {@code body} with {@code reader} (an 837P, {@link ClaimFileReader#X12_837P}, or the app's
     * claim JSON, {@link ClaimFileReader#CLAIM_JSON}) and adjudicates it as {@link #submitAndAnswer} does, a batch of
     * {@value #BATCH} claims at a time while the file is still being read, so neither the file, its claims nor their
     * answers are ever held in memory whole: each answer goes to {@code answers} (a file on disk) as it is decided.
     * All or nothing, as for a file read whole: a file that cannot be read anywhere ({@code E}: malformed X12 naming
     * the segment; for JSON a {@code JacksonException} or {@link ClaimJsonReader.NotClaimsException}), a claim that
     * cannot be stored or answered ({@link UnanswerableClaimsException}, every reason in the file), a body over its
     * limit (the {@link IOException} of {@code body}), a {@code progress} listener that throws (the client is gone)
     * or a failing {@code answer} rolls back whatever batches were stored before. The stored rows and every answer
     * are the same as for the file read whole.
     */
    @Transactional(rollbackFor = Exception.class)
    public <T, E extends Exception> T submitFileAndAnswer(
            String username,
            String ledger,
            ClaimFileReader<E> reader,
            InputStream body,
            LocalDate receivedOn,
            Disclosure disclosure,
            SpooledResults answers,
            IntConsumer progress,
            Function<SpooledResults, T> answer)
            throws E, IOException {
        String book = ledgerName(ledger);
        Unanswerable unanswerable = new Unanswerable(book);
        unanswerable.refuseIfAny(0);
        Submission submission = new Submission(
                username, book, receivedOn, null, null, disclosure, progress, UnaryOperator.identity(), answers::add);
        int[] read = {0};
        ReadFailure input = new ReadFailure(body);
        try {
            reader.read(input, parsed -> {
                int index = read[0]++;
                if (unanswerable.check(index, parsed.claim())) {
                    submission.decide(parsed);
                }
            });
        } catch (Exception e) {
            input.rethrow(); // the body, not its content, failed (e.g. over its limit)
            throw e;
        }
        unanswerable.refuseIfAny(read[0]);
        submission.finish();
        answers.finish();
        return answer.apply(answers);
    }

    /** An input stream that remembers why reading it failed, so that failure is reported rather than bad X12. */
    private static final class ReadFailure extends java.io.FilterInputStream {
        private IOException failure;

        ReadFailure(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * Size problems of a request's claims (see {@link ClaimSizeLimits}): once one claim has one, nothing more is
     * decided, but every claim is still checked so the refusal names every reason.
     */
    private static final class Unanswerable {
        private final List<String> problems = new ArrayList<>();
        private final List<Integer> claimOf = new ArrayList<>();
        private int count;

        Unanswerable(String ledger) {
            if (ledger.length() > 100) {
                add(-1, "The ledger name has " + ledger.length() + " characters; at most 100 fit.");
            }
        }

        /** Checks claim {@code index}; answers whether the request is still answerable. */
        boolean check(int index, Claim claim) {
            ClaimSizeLimits.problems(claim).forEach(p -> add(index, p));
            return count == 0;
        }

        private void add(int index, String problem) {
            count++;
            if (problems.size() < UnanswerableClaimsException.KEPT) {
                problems.add(problem);
                claimOf.add(index);
            }
        }

        void refuseIfAny(int claims) {
            if (count == 0) {
                return;
            }
            List<String> named = new ArrayList<>(problems.size());
            for (int i = 0; i < problems.size(); i++) {
                int claim = claimOf.get(i);
                named.add(claim < 0 || claims == 1 ? problems.get(i) : "Claim " + (claim + 1) + ": " + problems.get(i));
            }
            throw new UnanswerableClaimsException(named, count);
        }
    }

    /**
     * One submission in progress: claims arrive one at a time, in file order, and are adjudicated and stored
     * {@value #BATCH} at a time; each answer goes to the sink as its batch is stored. Only the running batch is
     * held: a correction naming a claim of an earlier batch finds it stored, as one naming an earlier file's does.
     */
    private final class Submission {
        private final String username;
        private final String book;
        private final LocalDate receivedOn;
        private final String scenarioId;
        private final DocumentedEncounter documentation;
        private final Disclosure disclosure;
        private final IntConsumer progress;
        private final UnaryOperator<ClaimResult> remitAs;
        /** Each answer as the caller is shown it, with its JSON when that is known already (else null). */
        private final BiConsumer<ClaimResult, String> answered;

        private final LedgerHistory history;
        private final List<ReceiptListener> receipts;
        private final Optional<LocalDate> latestBefore;
        private final List<Function<Claim, List<PayerError>>> persisting;
        private final LocalDate today = LocalDate.now();
        private final String documentationJson;
        private final List<ParsedClaim> batch = new ArrayList<>(BATCH);
        private int done;

        Submission(
                String username,
                String book,
                LocalDate receivedOn,
                String scenarioId,
                DocumentedEncounter documentation,
                Disclosure disclosure,
                IntConsumer progress,
                UnaryOperator<ClaimResult> remitAs,
                BiConsumer<ClaimResult, String> answered) {
            this.username = username;
            this.book = book;
            this.receivedOn = receivedOn;
            this.scenarioId = scenarioId;
            this.documentation = documentation;
            this.disclosure = disclosure;
            this.progress = progress;
            this.remitAs = remitAs;
            this.answered = answered;
            this.history = claimLedger.history(username, book, PayerService.this::opensGlobalPeriod);
            this.receipts = receiptListeners.orderedStream().toList();
            this.latestBefore = receipts.isEmpty() ? Optional.empty() : repository.latestReceivedOn(username, book);
            this.persisting = persistentErrors
                    .orderedStream()
                    .map(p -> p.forLedger(username, book))
                    .toList();
            this.documentationJson = documentation == null ? null : Json.MAPPER.writeValueAsString(documentation);
        }

        void decide(ParsedClaim claim) {
            batch.add(claim);
            if (batch.size() == BATCH) {
                decideBatch();
            }
        }

        /** Decides the last batch; what a receipt sets off runs once the transaction has committed. */
        void finish() {
            if (!batch.isEmpty()) {
                decideBatch();
            }
            afterCommit(() -> receipts.forEach(l -> tell(l, username, book, latestBefore, receivedOn)));
        }

        private void decideBatch() {
            history.prepare(batch.stream().map(ParsedClaim::claim).toList());
            // ids first (the payer claim number is "SIM" + id), so each claim is stored once, with its result; in
            // file order, a correction's reversal just before the correction, as when sent claim by claim
            int corrections =
                    (int) batch.stream().filter(c -> namesAnOriginal(c.claim())).count();
            List<Long> drawn = claimLedger.newIds(batch.size() + corrections);
            Iterator<Long> ids = drawn.iterator();
            List<ClaimLedger.Adjudicated> adjudicated = new ArrayList<>(batch.size());
            List<ClaimResult> answers = new ArrayList<>(batch.size());
            List<String> answerJson = new ArrayList<>(batch.size());
            // claims of this batch by payer claim number (upper case), so a correction in the same batch finds them;
            // those of earlier batches are stored already
            Map<String, PriorClaim> thisBatch = new HashMap<>();
            // payer claim numbers reversed in this batch: an original of the batch among them is stored unindexed
            Set<String> reversedNow = new HashSet<>();
            for (ParsedClaim parsed : batch) {
                Claim claim = parsed.claim();
                List<String> problems = parsed.problems();
                boolean voided = false;
                long reversalId = namesAnOriginal(claim) ? ids.next() : 0;
                long id = ids.next();
                if (namesAnOriginal(claim)) {
                    // the original is reversed before its replacement is adjudicated, so the replacement is
                    // no duplicate of it and the original's deductible is back
                    Optional<PriorClaim> original = reversibleOriginal(username, book, thisBatch, claim);
                    if (original.isEmpty()) {
                        problems = new ArrayList<>(problems);
                        problems.add("Box 22 / REF*F8: "
                                + claim.originalClaimNumber().trim()
                                + " is not a processed claim of ledger '" + book
                                + "' that can still be replaced or voided.");
                    } else {
                        ClaimResult reversal = ClaimReversal.of(original.get().result());
                        String reversalJson = Json.MAPPER.writeValueAsString(reversal);
                        claimLedger.storeReversal(
                                reversalId,
                                username,
                                book,
                                scenarioId,
                                receivedOn,
                                original.get().claim(),
                                Json.MAPPER.writeValueAsString(original.get().claim()),
                                reversal,
                                reversalJson);
                        reversedNow.add(key(reversal.payerClaimNumber()));
                        history.add(original.get().claim(), reversal);
                        thisBatch.put(
                                key(reversal.payerClaimNumber()),
                                new PriorClaim(original.get().claim(), reversal));
                        answers.add(reversal);
                        answerJson.add(reversalJson);
                        voided = claim.frequency() == FrequencyCode.VOID;
                    }
                }
                if (voided) {
                    continue; // a void only takes the original back: nothing new to adjudicate or store
                }
                ClaimResult result = remitAs.apply(adjudicator()
                        .adjudicate(
                                new AdjudicationRequest(
                                        claim,
                                        problems,
                                        receivedOn,
                                        history,
                                        documentation,
                                        ClaimLedger.payerClaimNumber(id)),
                                today));
                for (Function<Claim, List<PayerError>> errors : persisting) {
                    for (PayerError error : errors.apply(claim)) {
                        if (result.status() != ClaimStatus.REJECTED) {
                            result = error.apply(result);
                        }
                    }
                }
                history.add(claim, result);
                thisBatch.put(key(result.payerClaimNumber()), new PriorClaim(claim, result));
                String resultJson = Json.MAPPER.writeValueAsString(result);
                adjudicated.add(new ClaimLedger.Adjudicated(
                        id, claim, Json.MAPPER.writeValueAsString(claim), result, resultJson));
                answers.add(result);
                answerJson.add(resultJson);
            }
            history.batchStored(
                    drawn.getLast(),
                    claimLedger.storeAdjudicated(
                            username, book, scenarioId, receivedOn, documentationJson, adjudicated, reversedNow));
            for (int i = 0; i < answers.size(); i++) {
                ClaimResult shown = disclosure.show(answers.get(i));
                // the stored JSON is the answer's too when the caller sees the whole result (teaching)
                answered.accept(shown, shown == answers.get(i) ? answerJson.get(i) : null);
            }
            done += answers.size();
            batch.clear();
            progress.accept(done);
        }
    }

    /**
     * Runs {@code work} once the current transaction has committed (at once without one): what a receipt sets off
     * must never fail or roll back the submission that stored the claims.
     */
    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** One receipt listener; a failure is logged with an id and left to the listener to catch up on later. */
    private static void tell(
            ReceiptListener listener,
            String username,
            String ledger,
            Optional<LocalDate> latestBefore,
            LocalDate receivedOn) {
        try {
            listener.received(username, ledger, latestBefore, receivedOn);
        } catch (RuntimeException e) {
            String id = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error(
                    "Receipt listener {} failed after claims of {} were stored in ledger '{}' (failure {});"
                            + " the claims are kept",
                    listener.getClass().getSimpleName(),
                    username,
                    ledger,
                    id,
                    e);
        }
    }

    /**
     * The claim {@code correction} names (Box 22 / REF*F8) when it was processed in this ledger and not yet reversed:
     * first among the claims of the running batch, then in the stored ledger (same user and ledger; earlier batches
     * of the running submission are stored already).
     */
    private Optional<PriorClaim> reversibleOriginal(
            String username, String ledger, Map<String, PriorClaim> thisBatch, Claim correction) {
        String number = key(correction.originalClaimNumber());
        PriorClaim latest = thisBatch.get(number);
        if (latest == null) {
            for (ClaimLedger.StoredClaim stored : claimLedger.byPayerClaimNumber(username, ledger, number)) {
                if (stored.status() == ClaimStatus.REVERSED) {
                    return Optional.empty();
                }
                latest = new PriorClaim(
                        Json.MAPPER.readValue(stored.claimJson(), Claim.class),
                        Json.MAPPER.readValue(stored.resultJson(), ClaimResult.class));
            }
        }
        return Optional.ofNullable(latest).filter(p -> ClaimReversal.reversible(p.result()));
    }

    /** A replacement or void naming the claim it corrects (Box 22 / REF*F8): it reverses that claim first. */
    private static boolean namesAnOriginal(Claim claim) {
        return claim.frequency().needsOriginalClaimNumber() && !ClaimText.isBlank(claim.originalClaimNumber());
    }

    private static String key(String payerClaimNumber) {
        return ClaimLedger.numberKey(payerClaimNumber);
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
            Disclosure disclosure,
            Function<List<ClaimResult>, T> answer) {
        return answer.apply(submit(username, ledger, claims, receivedOn, null, null, disclosure));
    }

    /**
     * The payer reprocessing a processed claim of the caller, e.g. after an appeal overturned a denial: the stored
     * result is reversed (835 CLP02 22) and the same claim is adjudicated again, honestly, as received on
     * {@code honoredReceiptDate} (the original receipt date, or an earlier proven one), under a new payer claim
     * number. Answers the reversal and the new result, both stored in the claim's ledger.
     *
     * @throws IllegalArgumentException when the claim is not the caller's or cannot be reversed
     */
    @Transactional
    public List<ClaimResult> reprocess(String username, long recordId, LocalDate honoredReceiptDate) {
        return reprocess(username, recordId, honoredReceiptDate, null);
    }

    /**
     * The same, linking an authorization the payer granted after the service ({@code retroAuthorization}, e.g. on a
     * retro-authorization request), so the prior-authorization edit finds it on file.
     */
    @Transactional
    public List<ClaimResult> reprocess(
            String username, long recordId, LocalDate honoredReceiptDate, Authorization retroAuthorization) {
        PayerClaimRecord record = record(recordId, username)
                .filter(r -> r.getResultJson() != null)
                .orElseThrow(() -> new IllegalArgumentException("No processed claim " + recordId + " of yours."));
        Claim claim = Json.MAPPER.readValue(record.getClaimJson(), Claim.class);
        ClaimResult current = Json.MAPPER.readValue(record.getResultJson(), ClaimResult.class);
        if (!ClaimReversal.reversible(current)
                || claimLedger.byPayerClaimNumber(username, record.getLedger(), current.payerClaimNumber()).stream()
                        .anyMatch(c -> c.status() == ClaimStatus.REVERSED)) {
            throw new IllegalArgumentException(
                    "Claim " + current.payerClaimNumber() + " was already reversed or never processed.");
        }
        String ledger = record.getLedger();
        ClaimResult reversal = ClaimReversal.of(current);
        claimLedger.storeReversal(
                claimLedger.newIds(1).getFirst(),
                username,
                ledger,
                record.getScenarioId(),
                honoredReceiptDate,
                claim,
                record.getClaimJson(),
                reversal,
                Json.MAPPER.writeValueAsString(reversal));
        LedgerHistory history = claimLedger.history(username, ledger, this::opensGlobalPeriod);
        DocumentedEncounter documentation = record.getDocumentationJson() == null
                ? null
                : Json.MAPPER.readValue(record.getDocumentationJson(), DocumentedEncounter.class);
        long id = claimLedger
                .storeReceived(
                        username,
                        ledger,
                        record.getScenarioId(),
                        honoredReceiptDate,
                        record.getDocumentationJson(),
                        List.of(new ClaimLedger.Received(claim, record.getClaimJson())))
                .getFirst();
        ClaimResult result = adjudicator()
                .adjudicate(
                        new AdjudicationRequest(
                                claim,
                                List.of(),
                                honoredReceiptDate,
                                history,
                                documentation,
                                ClaimLedger.payerClaimNumber(id),
                                retroAuthorization),
                        LocalDate.now());
        claimLedger.storeResults(
                username,
                ledger,
                List.of(id),
                List.of(claim),
                List.of(result),
                List.of(Json.MAPPER.writeValueAsString(result)));
        return List.of(reversal, result);
    }

    /** Claims that cannot be stored or answered as sent; nothing of the request was stored. */
    public static final class UnanswerableClaimsException extends RuntimeException {
        /** Reasons kept (and answered) at most; the message counts them all. */
        static final int KEPT = 100;

        private final List<String> problems;

        UnanswerableClaimsException(List<String> problems, int count) {
            super(count == 1 ? problems.getFirst() : count + " problems, the first: " + problems.getFirst());
            this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), KEPT)));
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The user's ledgers that hold at least one claim, by name. */
    public List<String> ledgers(String username) {
        return repository.ledgersOf(username);
    }

    /** The receipt date of the ledger's latest claim: the date its newest remittance answers on. */
    public Optional<LocalDate> latestReceivedOn(String username, String ledger) {
        return repository.latestReceivedOn(username, ledger);
    }

    public List<PayerClaimRecord> recent(String username) {
        return repository.findTop50ByUsernameOrderByIdDesc(username);
    }

    /**
     * Every answered claim of the caller, newest first: originals, replacements and reversals (a claim still being
     * received in a running file has no answer yet).
     */
    public List<PayerClaimRecord> allClaims(String username) {
        return repository.findByUsernameOrderByIdDesc(username).stream()
                .filter(r -> r.getPayerClaimNumber() != null && r.getResultJson() != null)
                .toList();
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
        if (reversed.isEmpty()) {
            return Optional.empty();
        }
        return claimLedger.byPayerClaimNumber(username, record.get().getLedger(), reversed).stream()
                .filter(s -> s.status() == ClaimStatus.REVERSED)
                .map(s -> Json.MAPPER.readValue(s.resultJson(), ClaimResult.class))
                .reduce((a, b) -> b);
    }

    /** A stored claim and its result, only for its owner. */
    public Optional<PriorClaim> stored(long id, String username) {
        return repository
                .findById(id)
                .filter(r -> r.getUsername().equals(username) && r.getResultJson() != null)
                .map(r -> new PriorClaim(
                        Json.MAPPER.readValue(r.getClaimJson(), Claim.class),
                        Json.MAPPER.readValue(r.getResultJson(), ClaimResult.class)));
    }

    /** The documentation stored with the caller's claim {@code id}, if it came with any. */
    public Optional<DocumentedEncounter> documentation(long id, String username) {
        return record(id, username)
                .map(PayerClaimRecord::getDocumentationJson)
                .map(json -> Json.MAPPER.readValue(json, DocumentedEncounter.class));
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

    /** The 835 of spooled answers, as {@link #write835(List)} writes it for the same answers in a list. */
    public void write835(SpooledResults results, java.io.OutputStream out) throws IOException {
        results.write835(new Remittance835Writer(), envelope("SIMPAYER", "CHART2CLAIM"), LocalDate.now(), out);
    }

    private X12Envelope envelope(String sender, String receiver) {
        return new X12Envelope(
                sender, receiver, interchangeCounter.getAndIncrement() % 999_999_999, LocalDateTime.now(), 'T');
    }
}
