package org.chart2claim.billing.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.chart2claim.billing.clock.ClockEvent;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.billing.posting.PracticeLedger;
import org.chart2claim.billing.posting.TransactionType;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Claim;
import org.chart2claim.payer.PayerService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient statements of a ledger: the current statement of an account (PDF), the statements the cycles sent, and
 * the statement runs on the simulated clock: an account with a patient balance gets its first statement once the
 * clock passes the day the balance appeared, then one every {@value #CYCLE_DAYS} days while it stays open (30, 60,
 * 90 days past due, the last a final notice).
 */
@Service
public class StatementService {
    public static final int CYCLE_DAYS = 30;
    /** Statements one clock move may send per account (a ten-year jump sends no 120 letters). */
    static final int MAX_PER_RUN = 6;

    private final PostingService posting;
    private final PayerService payer;
    private final JdbcTemplate jdbc;

    public StatementService(PostingService posting, PayerService payer, JdbcTemplate jdbc) {
        this.posting = posting;
        this.payer = payer;
        this.jdbc = jdbc;
    }

    /** A statement the cycles sent. */
    public record Sent(String account, LocalDate date, int cycle, BigDecimal balance) {}

    /** The account's statement as of the ledger's today; empty for an account the ledger does not hold. */
    public Optional<Statement> current(String username, String ledger, String account) {
        if (!posting.hasLedger(username, ledger)) {
            return Optional.empty();
        }
        PracticeLedger books = posting.ledger(username, ledger);
        if (books.account(account).isEmpty()) {
            return Optional.empty();
        }
        int cycle = sent(username, ledger).stream()
                .filter(s -> s.account().equals(account))
                .mapToInt(Sent::cycle)
                .max()
                .orElse(0);
        return Optional.of(
                build(username, ledger, account, books.transactions(), posting.today(username, ledger), cycle));
    }

    public Optional<byte[]> pdf(String username, String ledger, String account) {
        return current(username, ledger, account).map(StatementPdf::render);
    }

    private Statement build(
            String username, String ledger, String account, List<LedgerTransaction> all, LocalDate date, int cycle) {
        Claim claim = claimOf(username, ledger, account).orElse(null);
        Statement.Party practice;
        Statement.Party patient;
        String name = all.stream()
                .filter(t -> t.account().equals(account))
                .map(LedgerTransaction::patient)
                .findFirst()
                .orElse(account);
        if (claim == null) {
            practice = new Statement.Party("Your practice", List.of(), "");
            patient = new Statement.Party(name, List.of(), "");
        } else {
            practice = new Statement.Party(
                    claim.billing().name(),
                    lines(claim.billing().address()),
                    claim.billing().phone());
            patient = new Statement.Party(
                    claim.patient().name().first() + " "
                            + claim.patient().name().last(),
                    lines(claim.patient().address()),
                    "");
        }
        return Statement.of(
                account,
                all,
                date,
                cycle,
                practice,
                patient,
                code -> payer.rules().description(code).orElse(""));
    }

    private static List<String> lines(Address a) {
        if (a == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(a.line1());
        if (a.line2() != null && !a.line2().isBlank()) {
            out.add(a.line2());
        }
        out.add(a.city() + ", " + a.state() + " " + a.zip());
        return out;
    }

    /**
     * The latest claim of the account in the ledger: name, mailing address and the billing provider. A direct
     * lookup (the posted claims' account index), never a read of every claim of the ledger.
     */
    private Optional<Claim> claimOf(String username, String ledger, String account) {
        return posting.latestClaimOf(username, ledger, account);
    }

    public boolean hasLedger(String username, String ledger) {
        return posting.hasLedger(username, ledger);
    }

    /** A statement run of the cycles: the date, how many statements went out and their balances. */
    public record Run(LocalDate date, int statements, BigDecimal total) {}

    /** Told after each statement of a batch is printed (to show progress on long runs). */
    @FunctionalInterface
    public interface Progress {
        void printed(int done, int total);
    }

    /** The ledger's statement runs (dates the cycles sent statements on), newest first. */
    public List<Run> runs(String username, String ledger) {
        Map<LocalDate, Run> runs = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (Sent s : sent(username, ledger)) {
            runs.merge(
                    s.date(),
                    new Run(s.date(), 1, s.balance()),
                    (a, b) -> new Run(a.date(), a.statements() + 1, a.total().add(b.total())));
        }
        return List.copyOf(runs.values());
    }

    /**
     * Prints every statement of one run (the statements the cycles sent on {@code date}) into one PDF written to
     * {@code out}, in account order: each statement is exactly the PDF of {@link StatementPdf#render} for that
     * account, date and cycle, appended page for page (the per-statement output is unchanged). Answers how many
     * statements were printed; 0 (nothing written) when the run has none or the ledger is not the caller's.
     */
    public int printRun(String username, String ledger, LocalDate date, OutputStream out, Progress progress)
            throws IOException {
        if (!posting.hasLedger(username, ledger)) {
            return 0;
        }
        List<Sent> due = sent(username, ledger).stream()
                .filter(s -> s.date().equals(date))
                .sorted(java.util.Comparator.comparing(Sent::account))
                .toList();
        if (due.isEmpty()) {
            return 0;
        }
        List<LedgerTransaction> all = posting.ledger(username, ledger).transactions();
        PDFMergerUtility merger = new PDFMergerUtility();
        int done = 0;
        for (Sent s : due) {
            merger.addSource(new RandomAccessReadBuffer(
                    StatementPdf.render(build(username, ledger, s.account(), all, s.date(), s.cycle()))));
            progress.printed(++done, due.size());
        }
        merger.setDestinationStream(out);
        merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
        return due.size();
    }

    /** Statements sent in this ledger, oldest first. */
    public List<Sent> sent(String username, String ledger) {
        return jdbc.query(
                "SELECT account, statement_date, cycle, balance FROM billing_statement WHERE username = ? AND ledger = ?"
                        + " ORDER BY statement_date, id",
                (rs, n) ->
                        new Sent(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBigDecimal(4)),
                username,
                ledger);
    }

    /**
     * Runs the statement cycles that came due in ({@code from}, {@code to}]: the clock's listener calls this inside
     * the clock's transaction.
     */
    @Transactional
    public List<ClockEvent> runCycles(String username, String ledger, LocalDate from, LocalDate to) {
        if (!posting.hasLedger(username, ledger)) {
            return List.of();
        }
        List<LedgerTransaction> all = posting.ledger(username, ledger).transactions();
        Map<String, LocalDate> balanceSince = new LinkedHashMap<>();
        for (LedgerTransaction t : all) {
            if (t.type().patientShare() && t.amount().signum() > 0) {
                balanceSince.merge(t.account(), t.postedOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, Sent> last = new LinkedHashMap<>();
        for (Sent s : sent(username, ledger)) {
            last.put(s.account(), s);
        }
        List<ClockEvent> events = new ArrayList<>();
        for (Map.Entry<String, LocalDate> e : balanceSince.entrySet()) {
            String account = e.getKey();
            Sent previous = last.get(account);
            LocalDate next = previous == null
                    ? (e.getValue().isAfter(from) ? e.getValue() : from.plusDays(1))
                    : previous.date().plusDays(CYCLE_DAYS);
            int cycle = previous == null ? 1 : previous.cycle() + 1;
            for (int i = 0; i < MAX_PER_RUN && !next.isAfter(to); i++) {
                Statement statement = build(username, ledger, account, all, next, cycle);
                if (statement.balanceDue().signum() <= 0) {
                    break;
                }
                jdbc.update(
                        "INSERT INTO billing_statement (username, ledger, account, statement_date, cycle, balance,"
                                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        username,
                        ledger,
                        account,
                        next,
                        cycle,
                        statement.balanceDue(),
                        Instant.now().atOffset(ZoneOffset.UTC));
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("account", account);
                detail.put("patient", statement.patient().name());
                detail.put("date", next.toString());
                detail.put("cycle", cycle);
                detail.put("balance", statement.balanceDue());
                events.add(new ClockEvent(
                        "statement",
                        account,
                        "Statement " + cycle + " to " + statement.patient().name() + ": "
                                + StatementPdf.money(statement.balanceDue()) + " due"
                                + (cycle >= 4 ? " (final notice)." : "."),
                        detail));
                next = next.plusDays(CYCLE_DAYS);
                cycle++;
            }
        }
        return events;
    }

    /**
     * The balance-billing guard on a posted transaction of the ledger: moving its amount to the patient's statement.
     * A PR amount is already on it; anything else is refused with the reason ({@link Statement#billToPatient}).
     */
    public String billToPatient(String username, String ledger, long transactionId) {
        LedgerTransaction t = posting.ledger(username, ledger).transactions().stream()
                .filter(x -> x.id() == transactionId)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("There is no transaction " + transactionId + " in this ledger."));
        Statement.billToPatient(t);
        return t.label() + " (" + t.type().label() + ") is the patient's share and is already on their statement.";
    }

    /** Whether a transaction type's open amount could be moved (denials are what trainees try). */
    public static boolean movable(LedgerTransaction t) {
        return t.type() == TransactionType.DENIAL && t.amount().signum() > 0;
    }
}
