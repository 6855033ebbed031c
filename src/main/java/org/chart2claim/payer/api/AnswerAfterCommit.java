package org.chart2claim.payer.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.chart2claim.config.ApiProblems;
import org.chart2claim.payer.PayerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Sends the answer to a claim file whose claims are committed already (the answer was built on disk before the
 * commit). A failure now (the client hung up while it was sent, the answer file could not be read) cannot take the
 * claims back: the app logs it with an error id, the user, the ledger and how many claims stay stored, so the loss of
 * an answer is found in the server's log rather than only in the servlet container's. A client that is still there
 * and got nothing yet gets a 500 naming the same id and the stored claims.
 */
final class AnswerAfterCommit {
    private static final Logger log = LoggerFactory.getLogger(AnswerAfterCommit.class);

    private AnswerAfterCommit() {}

    /**
     * Writes {@code answer} (its body an {@link InputStreamResource}) to {@code response} itself and answers null (the
     * request is handled); any other answer is left to Spring to write.
     */
    static ResponseEntity<?> send(
            ResponseEntity<?> answer,
            HttpServletResponse response,
            HttpServletRequest request,
            String username,
            String ledger,
            int stored)
            throws IOException {
        if (!(answer.getBody() instanceof InputStreamResource body)) {
            return answer;
        }
        try (InputStream in = body.getInputStream()) {
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            in.transferTo(response.getOutputStream());
            response.flushBuffer();
        } catch (IOException | RuntimeException e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            String book = ledger == null || ledger.isBlank() ? PayerService.DEFAULT_LEDGER : ledger.trim();
            log.error(
                    "API error {} on {} {} of {}: the answer could not be sent after {} claims were stored in ledger"
                            + " '{}'; they stay stored (GET /api/payer/claims lists them, a resend is answered as"
                            + " CO-18 duplicates): {}",
                    errorId,
                    request.getMethod(),
                    ApiProblems.safePath(request),
                    username,
                    stored,
                    book,
                    e instanceof UncheckedIOException u ? u.getCause() : e.toString());
            if (!response.isCommitted()) {
                response.reset();
                ProblemDetail problem = ApiProblems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "The " + stored + " claims were stored but their answer could not be sent. Quote error id "
                                + errorId + " when reporting it.");
                problem.setProperty("errorId", errorId);
                problem.setProperty("claimsStored", stored);
                ApiProblems.write(request, response, problem);
            }
        }
        return null;
    }
}
