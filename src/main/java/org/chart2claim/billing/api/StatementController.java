package org.chart2claim.billing.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.posting.PatientAccount;
import org.chart2claim.billing.statement.StatementService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/ledgers/{L}/statements/{account}.pdf}: the patient's statement as of the ledger's today;
 * {@code GET /api/ledgers/{L}/statements}: the statements the cycles sent; {@code GET /api/ledgers/{L}/statement-runs}:
 * the runs (date, count, total) and {@code GET /api/ledgers/{L}/statement-runs/{date}.pdf} every statement of one run
 * in one PDF. Another user's or an unknown ledger, account or run is 404.
 */
@RestController
public class StatementController {
    private final StatementService statements;
    private final CurrentUser currentUser;

    public StatementController(StatementService statements, CurrentUser currentUser) {
        this.statements = statements;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/ledgers/{ledger}/statements/{account}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String ledger, @PathVariable String account) {
        if (!PatientAccount.wellFormed(account)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No account '" + account + "' in this ledger.");
        }
        byte[] pdf = statements
                .pdf(currentUser.requireUsername(), ledger, account)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "You have no account '" + account + "' in a ledger named '" + ledger + "'."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"statement-" + account + ".pdf\"")
                .body(pdf);
    }

    @GetMapping("/api/ledgers/{ledger}/statement-runs")
    public List<StatementService.Run> runs(@PathVariable String ledger) {
        String user = currentUser.requireUsername();
        if (!statements.hasLedger(user, ledger)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no ledger named '" + ledger + "'.");
        }
        return statements.runs(user, ledger);
    }

    @GetMapping("/api/ledgers/{ledger}/statement-runs/{date}.pdf")
    public ResponseEntity<byte[]> run(@PathVariable String ledger, @PathVariable String date) throws IOException {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "'" + date + "' is not a date (YYYY-MM-DD).");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int printed = statements.printRun(currentUser.requireUsername(), ledger, day, out, (done, total) -> {});
        if (printed == 0) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "No statement run on " + day + " in a ledger of yours named '" + ledger + "'.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"statements-" + day + ".pdf\"")
                .header("X-Statements", String.valueOf(printed))
                .body(out.toByteArray());
    }

    @GetMapping("/api/ledgers/{ledger}/statements")
    public List<StatementService.Sent> sent(@PathVariable String ledger) {
        return statements.sent(currentUser.requireUsername(), ledger);
    }
}
