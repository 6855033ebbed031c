package org.chart2claim.payer.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.config.Json;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.SpooledResults;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The simulated payer's REST API. {@code POST /api/payer/claims} takes an X12 837P interchange
 * ({@code application/edi-x12}) or the app's claim JSON (one claim or {@code {"claims":[...]}}) and answers
 * the adjudication as X12 835 ({@code Accept: application/edi-x12}) or JSON.
 */
@RestController
@RequestMapping("/api")
public class PayerClaimsController {
    public static final String EDI_X12 = "application/edi-x12";

    private final PayerService payer;
    private final CurrentUser currentUser;

    public PayerClaimsController(PayerService payer, CurrentUser currentUser) {
        this.payer = payer;
        this.currentUser = currentUser;
    }

    /** The JSON answer: {@code {"claims":[...]}} in the shape the issue defines. */
    public record Remittance(List<ClaimResult> claims) {}

    public static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    /**
     * An 837P file, adjudicated while it is read from the request (the body's limit is enforced as it is read), 500
     * claims at a time; the answer is built on disk and sent once the file is stored, so memory does not grow with
     * the file. All or nothing: malformed X12 anywhere is a 400 naming the segment and nothing is stored.
     */
    @PostMapping(path = "/payer/claims", consumes = EDI_X12)
    public ResponseEntity<?> submitX12(
            InputStream body,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String ledger,
            @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String mode)
            throws X12FormatException, IOException {
        LocalDate received = date(receivedOn, LocalDate.now());
        try (SpooledResults answers = new SpooledResults(null)) {
            return payer.submitX12AndAnswer(
                    currentUser.requireUsername(),
                    ledger,
                    body,
                    received,
                    Disclosure.ofMode(mode),
                    answers,
                    done -> {},
                    shown -> answer(payer, shown, accept));
        }
    }

    @PostMapping(path = "/payer/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> submitJson(
            @RequestBody String body,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String ledger,
            @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String mode) {
        JsonNode root = Json.MAPPER.readTree(body);
        List<ParsedClaim> claims = new ArrayList<>();
        if (root.has("claims") && root.get("claims").isArray()) {
            for (JsonNode n : root.get("claims")) {
                claims.add(new ParsedClaim(Json.MAPPER.treeToValue(n, Claim.class), List.of()));
            }
        } else if (root.isObject()) {
            claims.add(new ParsedClaim(Json.MAPPER.treeToValue(root, Claim.class), List.of()));
        }
        if (claims.isEmpty()) {
            throw new BadRequest("Send one claim object or {\"claims\":[...]}.");
        }
        return payer.submitAndAnswer(
                currentUser.requireUsername(),
                ledger,
                claims,
                date(receivedOn, LocalDate.now()),
                Disclosure.ofMode(mode),
                results -> answer(payer, results, accept));
    }

    @GetMapping("/payer/claims")
    public List<Map<String, Object>> mine() {
        List<Map<String, Object>> out = new ArrayList<>();
        payer.recent(currentUser.requireUsername()).forEach(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.getId());
            m.put("payerClaimNumber", r.getPayerClaimNumber());
            m.put("patientControlNumber", r.getPatientControlNumber());
            m.put("ledger", r.getLedger());
            m.put("scenarioId", r.getScenarioId());
            m.put("status", r.getStatus());
            m.put("billed", r.getBilled());
            m.put("paid", r.getPaid());
            m.put("receivedOn", r.getReceivedOn());
            out.add(m);
        });
        return out;
    }

    /**
     * The payer's answer to submitted claims (already as the caller's {@link Disclosure} shows them): JSON, or
     * X12 835 when the caller accepts it (a 277CA-style JSON 422 when every claim was rejected up front).
     */
    public static ResponseEntity<?> answer(PayerService payer, List<ClaimResult> shown, String accept) {
        if (accept != null && accept.contains(EDI_X12)) {
            long rejected = shown.stream()
                    .filter(r -> r.status() == ClaimStatus.REJECTED)
                    .count();
            if (rejected == shown.size()) {
                // an 835 carries adjudicated claims only; front-end rejections come back as a 277CA would: reasons, no
                // remittance
                return ResponseEntity.unprocessableContent()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new Remittance(shown));
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(EDI_X12))
                    .header("X-Rejected-Claims", String.valueOf(rejected))
                    .body(payer.write835(shown));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Remittance(shown));
    }

    /** The same answer as {@link #answer(PayerService, List, String)}, for answers spooled to disk, byte for byte. */
    public static ResponseEntity<?> answer(PayerService payer, SpooledResults shown, String accept) {
        try {
            if (accept != null && accept.contains(EDI_X12)) {
                if (shown.rejected() == shown.size()) {
                    return ResponseEntity.unprocessableContent()
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(new InputStreamResource(shown.takeJson()));
                }
                return ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(EDI_X12))
                        .header("X-Rejected-Claims", String.valueOf(shown.rejected()))
                        .body(new InputStreamResource(SpooledResults.spooled(out -> payer.write835(shown, out))));
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new InputStreamResource(shown.takeJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the answer", e);
        }
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + value + "' is not a date (YYYY-MM-DD).");
        }
    }
}
