package org.chart2claim.payer.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.claim.x12.Claim837Reader;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.payer.ClaimFileJobs;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.SpooledResults;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Large X12 837P files as jobs: {@code POST /api/payer/claim-jobs} answers 202 at once with the job and
 * its {@code Location}; {@code GET /api/payer/claim-jobs/{id}} shows progress (poll it: a job nobody polls
 * for five minutes is cancelled and rolled back), {@code GET …/{id}/result} gives the same answer as
 * {@code POST /api/payer/claims} once done (409 before), {@code DELETE …/{id}} cancels. Owner only (404
 * for anybody else).
 */
@RestController
@RequestMapping("/api/payer/claim-jobs")
public class ClaimFileJobsController {
    private static final int MAX_BODY = 32 * 1024 * 1024;

    private final ClaimFileJobs jobs;
    private final PayerService payer;
    private final CurrentUser currentUser;

    public ClaimFileJobsController(ClaimFileJobs jobs, PayerService payer, CurrentUser currentUser) {
        this.jobs = jobs;
        this.payer = payer;
        this.currentUser = currentUser;
    }

    /**
     * Copies the file to a temporary file as it arrives (the body's limit is enforced while it is read), reads it once
     * to refuse malformed X12 at once (400, naming the segment) and to count its claims, and queues it; the job
     * reads it again while it adjudicates. Neither the file nor its claims are held in memory.
     */
    @PostMapping(consumes = PayerClaimsController.EDI_X12)
    public ResponseEntity<?> start(
            InputStream body,
            @RequestParam(required = false) String ledger,
            @RequestParam(required = false) String receivedOn)
            throws IOException {
        LocalDate received;
        try {
            received =
                    receivedOn == null || receivedOn.isBlank() ? LocalDate.now() : LocalDate.parse(receivedOn.trim());
        } catch (DateTimeParseException e) {
            return error(HttpStatus.BAD_REQUEST, "'" + receivedOn + "' is not a date (YYYY-MM-DD).");
        }
        Path file = Files.createTempFile("claim-job", ".x12");
        boolean queued = false;
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                size = body.transferTo(out);
            }
            if (size > MAX_BODY) {
                return error(HttpStatus.PAYLOAD_TOO_LARGE, "The interchange is larger than 32 MB.");
            }
            int[] claims = {0};
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                Claim837Reader.read(in, claim -> claims[0]++);
            } catch (X12FormatException e) {
                return error(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            ClaimFileJobs.Status status = jobs.start(currentUser.requireUsername(), ledger, file, claims[0], received);
            queued = true;
            return ResponseEntity.accepted()
                    .location(URI.create("/api/payer/claim-jobs/" + status.id()))
                    .body(status);
        } catch (RejectedExecutionException busy) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "60")
                    .body(Map.of("error", "Too many claim files are waiting; try again in a minute."));
        } finally {
            if (!queued) {
                Files.deleteIfExists(file);
            }
        }
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> status(@PathVariable String id) {
        return jobs.status(id, currentUser.requireUsername())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "No claim file job " + id));
    }

    @GetMapping("/{id}/result")
    public ResponseEntity<?> result(
            @PathVariable String id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        String username = currentUser.requireUsername();
        var status = jobs.status(id, username);
        if (status.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "No claim file job " + id);
        }
        SpooledResults results = jobs.results(id, username).orElse(null);
        if (results == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(status.get());
        }
        if (accept != null && accept.contains(PayerClaimsController.EDI_X12)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(PayerClaimsController.EDI_X12))
                    .body(new InputStreamResource(SpooledResults.spooled(out -> payer.write835(results, out))));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new InputStreamResource(results.json()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<?> cancel(@PathVariable String id) {
        return jobs.cancel(id, currentUser.requireUsername())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "No claim file job " + id));
    }

    private static ResponseEntity<?> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }
}
