package org.chart2claim.billing.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.BillingService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.api.PayerClaimsController;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/scenarios/{id}/claims}: the billing office's shortcut for scripted practice. Builds the
 * claim from the scenario and the caller's codes, submits it, and answers like {@code POST /api/payer/claims}.
 */
@RestController
@RequestMapping("/api")
public class ScenarioClaimsController {
    private final BillingService billing;
    private final PayerService payer;
    private final ScenarioLibrary scenarios;
    private final CurrentUser currentUser;

    public ScenarioClaimsController(
            BillingService billing, PayerService payer, ScenarioLibrary scenarios, CurrentUser currentUser) {
        this.billing = billing;
        this.payer = payer;
        this.scenarios = scenarios;
        this.currentUser = currentUser;
    }

    /**
     * Attempt body of the scenario shortcut, plus optional submission date and ledger; {@code replaces} (a payer
     * claim number) sends the claim as a frequency-7 replacement of that claim, in its ledger.
     */
    public record ScenarioClaimRequest(
            List<String> diagnoses,
            List<CodingAnswer.Line> procedures,
            String submittedOn,
            String ledger,
            String replaces) {}

    @PostMapping("/scenarios/{id}/claims")
    public ResponseEntity<?> submitScenario(
            @PathVariable String id,
            @RequestBody ScenarioClaimRequest request,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String mode) {
        Scenario scenario = scenarios.find(id).orElse(null);
        if (scenario == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No scenario with id " + id);
        }
        LocalDate submittedOn = null;
        if (request.submittedOn() != null && !request.submittedOn().isBlank()) {
            try {
                submittedOn = LocalDate.parse(request.submittedOn().trim());
            } catch (DateTimeParseException e) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "'" + request.submittedOn() + "' is not a date (YYYY-MM-DD).");
            }
        }
        CodingAnswer coding = new CodingAnswer(request.diagnoses(), request.procedures());
        if (!coding.problems().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", coding.problems()));
        }
        List<ClaimResult> results = billing.submitScenario(
                currentUser.requireUsername(),
                scenario,
                coding,
                submittedOn,
                request.ledger(),
                request.replaces(),
                Disclosure.ofMode(mode));
        return PayerClaimsController.answer(payer, results, accept);
    }
}
