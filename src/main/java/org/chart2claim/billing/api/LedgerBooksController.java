package org.chart2claim.billing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PaymentEntry;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.billing.posting.PracticeLedger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's practice ledger: {@code GET /api/ledgers/{L}/transactions} (every posted transaction, ERA lines
 * first posted from what the payer answered), {@code GET /api/ledgers/{L}/accounts} (patient balances) and
 * {@code POST /api/ledgers/{L}/payments} (a patient payment or refund, or a deposit batch with its total). Bad input
 * is 400 with every reason and nothing posted; another user's or an unknown ledger is 404.
 */
@RestController
@RequestMapping("/api/ledgers/{ledger}")
public class LedgerBooksController {
    private final PostingService posting;
    private final CurrentUser currentUser;

    public LedgerBooksController(PostingService posting, CurrentUser currentUser) {
        this.posting = posting;
        this.currentUser = currentUser;
    }

    /** One payment: {@code method} cash, check or card; {@code date} YYYY-MM-DD, default the ledger's today. */
    public record Payment(
            String account, BigDecimal amount, String method, String reference, Boolean refund, String date) {}

    /** A single payment's fields, or a deposit batch: {@code payments} and their {@code batchTotal}. */
    public record PaymentRequest(
            String account,
            BigDecimal amount,
            String method,
            String reference,
            Boolean refund,
            String date,
            BigDecimal batchTotal,
            List<Payment> payments) {}

    public record AccountRow(
            String account, String patient, BigDecimal balance, BigDecimal insurance, BigDecimal denial) {}

    public record Posted(List<LedgerTransaction> posted, List<AccountRow> accounts) {}

    @GetMapping("/transactions")
    public List<LedgerTransaction> transactions(@PathVariable String ledger) {
        return requireLedger(ledger).transactions();
    }

    @GetMapping("/accounts")
    public List<AccountRow> accounts(@PathVariable String ledger) {
        return rows(requireLedger(ledger));
    }

    @PostMapping("/payments")
    public ResponseEntity<Posted> pay(@PathVariable String ledger, @RequestBody PaymentRequest request) {
        String username = currentUser.requireUsername();
        requireLedger(ledger);
        List<PaymentEntry> entries = new ArrayList<>();
        if (request.payments() != null) {
            if (request.account() != null || request.amount() != null) {
                throw bad("Send one payment's fields or \"payments\" with a \"batchTotal\", not both.");
            }
            for (Payment p : request.payments()) {
                if (p == null) {
                    throw bad("A payment in the batch is empty.");
                }
                entries.add(entry(p.account(), p.amount(), p.method(), p.reference(), p.refund(), p.date()));
            }
            if (request.batchTotal() == null) {
                throw bad("A batch needs its \"batchTotal\" (the deposit slip's total).");
            }
        } else {
            entries.add(entry(
                    request.account(),
                    request.amount(),
                    request.method(),
                    request.reference(),
                    request.refund(),
                    request.date()));
        }
        List<LedgerTransaction> posted = posting.postPayments(username, ledger, entries, request.batchTotal());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Posted(posted, rows(posting.ledger(username, ledger))));
    }

    private static PaymentEntry entry(
            String account, BigDecimal amount, String method, String reference, Boolean refund, String date) {
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                throw bad("'" + date + "' is not a date (YYYY-MM-DD).");
            }
        }
        return new PaymentEntry(account, amount, method, reference, Boolean.TRUE.equals(refund), day);
    }

    static List<AccountRow> rows(PracticeLedger ledger) {
        return ledger.accounts().stream()
                .map(a -> new AccountRow(a.account(), a.patient(), a.patientBalance(), a.insurance(), a.denial()))
                .toList();
    }

    private PracticeLedger requireLedger(String ledger) {
        String username = currentUser.requireUsername();
        if (!posting.hasLedger(username, ledger)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no ledger named '" + ledger + "'.");
        }
        return posting.ledger(username, ledger);
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
