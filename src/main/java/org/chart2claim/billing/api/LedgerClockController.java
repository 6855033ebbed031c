package org.chart2claim.billing.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.clock.ClockAdvance;
import org.chart2claim.billing.clock.LedgerClockService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's ledger clock: {@code GET /api/ledgers/{L}/clock} reads the practice's "today";
 * {@code POST /api/ledgers/{L}/clock} with {@code {"advanceDays":60}} or {@code {"today":"YYYY-MM-DD"}} moves it
 * forward and answers what came due on the way (appeal decisions, statement cycles). Another user's or an
 * unknown ledger is 404.
 */
@RestController
@RequestMapping("/api/ledgers/{ledger}/clock")
public class LedgerClockController {
    private final LedgerClockService clock;
    private final CurrentUser currentUser;

    public LedgerClockController(LedgerClockService clock, CurrentUser currentUser) {
        this.clock = clock;
        this.currentUser = currentUser;
    }

    public record ClockReading(String ledger, LocalDate today) {}

    /** Exactly one of the two: a number of days, or the new date. */
    public record ClockMove(Integer advanceDays, String today) {}

    @GetMapping
    public ClockReading read(@PathVariable String ledger) {
        String username = currentUser.requireUsername();
        if (!clock.hasLedger(username, ledger)) {
            throw unknown(ledger);
        }
        return new ClockReading(ledger, clock.today(username, ledger));
    }

    @PostMapping
    public ClockAdvance move(@PathVariable String ledger, @RequestBody ClockMove move) {
        String username = currentUser.requireUsername();
        boolean byDays = move.advanceDays() != null;
        boolean toDate = move.today() != null && !move.today().isBlank();
        if (byDays == toDate) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "Send either \"advanceDays\" (a number of days) or \"today\" (YYYY-MM-DD).");
        }
        try {
            return byDays
                    ? clock.advanceDays(username, ledger, move.advanceDays())
                    : clock.moveTo(
                            username, ledger, LocalDate.parse(move.today().trim()));
        } catch (LedgerClockService.UnknownLedgerException e) {
            throw unknown(ledger);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "'" + move.today() + "' is not a date (YYYY-MM-DD).");
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (LedgerClockService.ConcurrentClockMoveException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private static ResponseStatusException unknown(String ledger) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no ledger named '" + ledger + "'.");
    }
}
