package org.chart2claim.billing.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.eligibility.EligibilityAnswer;
import org.chart2claim.billing.eligibility.EligibilityRequest;
import org.chart2claim.billing.eligibility.EligibilityService;
import org.chart2claim.claim.x12.X12FormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/payer/eligibility}: the simulated payer's eligibility and benefits answer. JSON in, JSON out; or
 * with {@code Content-Type: application/edi-x12} a 270 in and a 271 out (malformed X12 is 400 with segment and
 * position). {@code ledger} (in the JSON or as a parameter) names the caller's ledger whose posted claims count
 * toward the deductible met.
 */
@RestController
public class EligibilityController {
    public static final String EDI_X12 = "application/edi-x12";

    private final EligibilityService eligibility;
    private final CurrentUser currentUser;

    public EligibilityController(EligibilityService eligibility, CurrentUser currentUser) {
        this.eligibility = eligibility;
        this.currentUser = currentUser;
    }

    /** The JSON inquiry; dates as YYYY-MM-DD, {@code serviceType} an X12 code (default 30). */
    public record Inquiry(
            String payerId,
            String memberId,
            String lastName,
            String firstName,
            String birthDate,
            String dateOfService,
            String serviceType,
            String ledger) {}

    @PostMapping(
            path = "/api/payer/eligibility",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public EligibilityAnswer json(@RequestBody Inquiry q) {
        return eligibility.check(
                currentUser.requireUsername(),
                new EligibilityRequest(
                        q.payerId(),
                        q.memberId(),
                        q.lastName(),
                        q.firstName(),
                        date("birthDate", q.birthDate()),
                        date("dateOfService", q.dateOfService()),
                        q.serviceType(),
                        q.ledger()));
    }

    @PostMapping(path = "/api/payer/eligibility", consumes = EDI_X12, produces = EDI_X12)
    public ResponseEntity<String> x12(@RequestBody byte[] body, @RequestParam(required = false) String ledger)
            throws X12FormatException {
        String answer = eligibility.check270(currentUser.requireUsername(), body, ledger);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(EDI_X12))
                .body(answer);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, field + " '" + value + "' is not a date (YYYY-MM-DD).");
        }
    }

    @ExceptionHandler(EligibilityService.BadInquiry.class)
    public ResponseEntity<org.springframework.http.ProblemDetail> bad(EligibilityService.BadInquiry e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(org.chart2claim.config.ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
