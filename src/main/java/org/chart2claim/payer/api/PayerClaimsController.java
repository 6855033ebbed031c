package org.chart2claim.payer.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.config.ClientConnection;
import org.chart2claim.config.ForegroundWork;
import org.chart2claim.payer.ClaimFileReader;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
     * An 837P file: received to a temporary file as it arrives (the body's limit is enforced as it is read), then
     * adjudicated from there 500 claims at a time, looking between batches whether the client is still there; the
     * answer is built on disk and sent once the file is stored, so memory does not grow with the file. All or
     * nothing: malformed X12 anywhere is a 400 naming the segment, a client gone before its answer is ready rolls
     * everything back, and nothing is stored.
     */
    @PostMapping(path = "/payer/claims", consumes = EDI_X12)
    public ResponseEntity<?> submitX12(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String ledger,
            @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String mode)
            throws X12FormatException, IOException {
        return submitFile(request, response, accept, ledger, receivedOn, mode, ClaimFileReader.X12_837P);
    }

    /**
     * Claim JSON (one claim, or {@code {"claims":[...]}}): received and adjudicated as an 837P is, one claim at a time
     * ({@code payer.ClaimJsonReader}), never held whole.
     */
    @PostMapping(path = "/payer/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> submitJson(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String ledger,
            @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String mode)
            throws IOException {
        return submitFile(request, response, accept, ledger, receivedOn, mode, ClaimFileReader.CLAIM_JSON);
    }

    private <E extends Exception> ResponseEntity<?> submitFile(
            HttpServletRequest request,
            HttpServletResponse response,
            String accept,
            String ledger,
            String receivedOn,
            String mode,
            ClaimFileReader<E> reader)
            throws E, IOException {
        LocalDate received = date(receivedOn, LocalDate.now());
        String username = currentUser.requireUsername();
        // the client waits for this, to the last byte of the answer: the background start pauses meanwhile
        // (docs/payer.md)
        try (ForegroundWork.Running waitedFor = ForegroundWork.begin();
                ReceivedFile file = ReceivedFile.of(request.getInputStream());
                InputStream body = file.open();
                SpooledResults answers = new SpooledResults(null)) {
            ClientConnection.requirePresent(request, 0);
            ResponseEntity<?> answer = payer.submitFileAndAnswer(
                    username,
                    ledger,
                    reader,
                    body,
                    received,
                    Disclosure.ofMode(mode),
                    answers,
                    done -> ClientConnection.requirePresent(request, done),
                    shown -> answerIfPresent(request, shown, accept));
            // committed: from here on a failure loses only the answer, and the server's log says so with what was kept
            return AnswerAfterCommit.send(answer, response, request, username, ledger, answers.size());
        }
    }

    /**
     * The answer, built while the claims are still uncommitted: a client gone by now gets nothing stored (see
     * docs/payer.md, "A client that hangs up").
     */
    private ResponseEntity<?> answerIfPresent(HttpServletRequest request, SpooledResults shown, String accept) {
        ClientConnection.requirePresent(request, shown.size());
        return answer(payer, shown, accept);
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
