package org.chart2claim.billing.posting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.config.Json;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.StoredAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing office's posting desk. Every remittance the payer answered in a ledger is posted before the ledger is
 * read ({@link #sync}): whatever path submitted the claim (claim builder, scenario shortcut, the payer's own API or a
 * claim file), its ERA lands in the books exactly once, in the order the payer answered. Patient payments, refunds
 * and deposit batches are checked by {@link PracticeLedger} and stored all or nothing.
 */
@Service
public class PostingService {
    private static final Logger log = LoggerFactory.getLogger(PostingService.class);

    /**
     * Claims posted per pair of JDBC batches: the stored answers are read in one pass and let go chunk by chunk, so
     * posting a long ledger never holds all of it in memory.
     */
    static final int CHUNK = 500;

    private final PayerService payer;
    private final StoredAnswers answers;
    private final LedgerBooks books;
    private final LedgerClockService clock;
    private final TransactionTemplate tx;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public PostingService(
            PayerService payer,
            StoredAnswers answers,
            LedgerBooks books,
            LedgerClockService clock,
            PlatformTransactionManager transactions) {
        this.payer = payer;
        this.answers = answers;
        this.books = books;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A ledger the caller has claims in; any other name (or another user's ledger) is unknown to them. */
    public boolean hasLedger(String username, String ledger) {
        return ledger != null && clock.hasLedger(username, ledger);
    }

    public List<String> ledgers(String username) {
        return clock.ledgers(username);
    }

    /** The practice's "today" of a ledger (simulated clock). */
    public LocalDate today(String username, String ledger) {
        return clock.today(username, ledger);
    }

    /**
     * Posts every answered claim of the ledger not posted yet. One poster per ledger at a time in this server, and
     * the posted claims' primary key stops a second server from posting a claim twice.
     */
    public void sync(String username, String ledger) {
        synchronized (locks.computeIfAbsent(username + "\n" + ledger, k -> new Object())) {
            tx.executeWithoutResult(status -> postNew(username, ledger));
        }
    }

    private void postNew(String username, String ledger) {
        long after = books.watermark(username, ledger);
        List<PostedClaim> claims = new ArrayList<>();
        List<LedgerTransaction> transactions = new ArrayList<>();
        answers.forEachAfter(username, ledger, after, r -> {
            if (!r.answered()) {
                return false; // a claim file still being answered: the rest is posted next time
            }
            claims.add(post(ledger, r, transactions));
            if (claims.size() == CHUNK) {
                store(username, ledger, claims, transactions);
            }
            return true;
        });
        store(username, ledger, claims, transactions);
    }

    /** Posts one stored answer: its transactions join {@code transactions}, the claim's facts are answered. */
    private static PostedClaim post(String ledger, StoredAnswers.StoredAnswer r, List<LedgerTransaction> transactions) {
        Claim claim = Json.MAPPER.readValue(r.claimJson(), Claim.class);
        ClaimResult result = Json.MAPPER.readValue(r.resultJson(), ClaimResult.class);
        RemittancePosting.Patient patient = patientOf(claim, result);
        try {
            transactions.addAll(RemittancePosting.post(result, patient, r.receivedOn()));
        } catch (UnbalancedPostingException e) {
            // the payer's own answers always balance; a stored answer that does not is left for a person
            log.warn("Claim {} of ledger '{}' was not posted: {}", r.id(), ledger, e.getMessage());
        }
        return new PostedClaim(
                r.id(),
                result.payerClaimNumber(),
                result.payerId() == null ? r.payerId() : result.payerId(),
                patient.account(),
                result.status().name(),
                claim.frequency().code(),
                result.billed(),
                result.paid(),
                claim.firstServiceDate(),
                r.receivedOn());
    }

    /** Stores a chunk of posted claims with their transactions (two JDBC batches) and empties the lists. */
    private void store(String username, String ledger, List<PostedClaim> claims, List<LedgerTransaction> transactions) {
        if (!claims.isEmpty()) {
            books.storeClaims(username, ledger, claims);
            books.storeTransactions(username, ledger, transactions);
        }
        claims.clear();
        transactions.clear();
    }

    /** The patient's account: name and birth date from the claim as sent, member id from box 1a. */
    static RemittancePosting.Patient patientOf(Claim claim, ClaimResult result) {
        String last = result.patientLastName();
        String first = result.patientFirstName();
        LocalDate birth = null;
        if (claim.patient() != null) {
            if (claim.patient().name() != null) {
                last = claim.patient().name().last();
                first = claim.patient().name().first();
            }
            birth = claim.patient().birthDate();
        }
        String member = claim.insured() == null
                ? result.memberId()
                : ClaimText.nz(claim.insured().memberId());
        return new RemittancePosting.Patient(
                PatientAccount.number(last, first, birth), PatientAccount.display(last, first), member);
    }

    /** The ledger as posted, after posting what the payer answered since the last read. */
    public PracticeLedger ledger(String username, String ledger) {
        sync(username, ledger);
        return new PracticeLedger(books.transactions(username, ledger));
    }

    /** The ledger's claims as posted (after {@link #sync}). */
    public List<PostedClaim> claims(String username, String ledger) {
        sync(username, ledger);
        return books.claims(username, ledger);
    }

    /**
     * Posts patient payments or refunds as one deposit batch, all or nothing (see
     * {@link PracticeLedger#manualPostings}); answers what was posted, with ids.
     */
    public List<LedgerTransaction> postPayments(
            String username, String ledger, List<PaymentEntry> entries, BigDecimal batchTotal) {
        sync(username, ledger);
        synchronized (locks.computeIfAbsent(username + "\n" + ledger, k -> new Object())) {
            return tx.execute(status -> {
                PracticeLedger books0 = new PracticeLedger(books.transactions(username, ledger));
                List<LedgerTransaction> posted =
                        books0.manualPostings(entries, batchTotal, clock.today(username, ledger));
                books.storeTransactions(username, ledger, posted);
                List<LedgerTransaction> all = books.transactions(username, ledger);
                return all.subList(all.size() - posted.size(), all.size());
            });
        }
    }

    /**
     * The patient's latest claim in the ledger as it was sent (name, mailing address, billing provider), read by one
     * index lookup and one stored claim, however long the ledger is; empty for an account without claims. Reads the
     * posted claims: call it after reading the ledger ({@link #ledger} posts what is new).
     */
    public java.util.Optional<Claim> latestClaimOf(String username, String ledger, String account) {
        return books.latestClaimOf(username, ledger, account)
                .flatMap(id -> payer.record(id, username))
                .map(r -> Json.MAPPER.readValue(r.getClaimJson(), Claim.class));
    }

    /** PR-1 posted in this ledger for the member's services in {@code year}: "deductible met" from our claims. */
    public BigDecimal deductiblePosted(String username, String ledger, String payerId, String memberId, int year) {
        if (ledger == null || !hasLedger(username, ledger)) {
            return BigDecimal.ZERO;
        }
        sync(username, ledger);
        return books.deductiblePosted(username, ledger, payerId, memberId, year);
    }

    /** Every PR amount posted in this ledger for the member's services in {@code year}: out-of-pocket met. */
    public BigDecimal patientSharePosted(String username, String ledger, String payerId, String memberId, int year) {
        if (ledger == null || !hasLedger(username, ledger)) {
            return BigDecimal.ZERO;
        }
        sync(username, ledger);
        return books.patientSharePosted(username, ledger, payerId, memberId, year);
    }
}
