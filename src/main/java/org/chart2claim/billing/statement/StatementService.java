package org.chart2claim.billing.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.billing.clock.ClockEvent;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PatientAccount;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.billing.posting.PracticeLedger;
import org.chart2claim.billing.posting.TransactionType;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Claim;
import org.chart2claim.payer.PayerClaimRecord;
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

    /** The latest claim of the account in the ledger: name, mailing address and the billing provider. */
    private Optional<Claim> claimOf(String username, String ledger, String account) {
        Claim found = null;
        for (PayerClaimRecord r : payer.claimsAfter(username, ledger, 0)) {
            Claim c = org.chart2claim.config.Json.MAPPER.readValue(r.getClaimJson(), Claim.class);
            if (c.patient() != null
                    && c.patient().name() != null
                    && account.equals(PatientAccount.number(
                            c.patient().name().last(),
                            c.patient().name().first(),
                            c.patient().birthDate()))) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
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
