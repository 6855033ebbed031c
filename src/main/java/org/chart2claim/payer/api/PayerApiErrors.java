package org.chart2claim.payer.api;

import jakarta.servlet.http.HttpServletRequest;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.config.ApiProblems;
import org.chart2claim.config.ClientConnection;
import org.chart2claim.payer.ClaimJsonReader;
import org.chart2claim.payer.PayerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * The payer's errors in the API's one problem shape, for every endpoint that submits claims (the payer's
 * own and the billing office's scenario shortcut). Ordered before the general {@code ApiErrorAdvice}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PayerApiErrors {
    private static final Logger log = LoggerFactory.getLogger(PayerApiErrors.class);

    /** Malformed X12: 400 naming the segment and positions. */
    @ExceptionHandler(X12FormatException.class)
    public ProblemDetail malformedX12(X12FormatException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("segment", e.segmentTag());
        problem.setProperty("segmentPosition", e.segmentPosition());
        problem.setProperty("elementPosition", e.elementPosition());
        return problem;
    }

    /** A claim that cannot be stored or answered as sent: 422 with every reason, nothing stored. */
    @ExceptionHandler(PayerService.UnanswerableClaimsException.class)
    public ProblemDetail unanswerable(PayerService.UnanswerableClaimsException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    /** JSON that is not claims (an array, nothing, {@code "claims"} empty or twice): 400, nothing stored. */
    @ExceptionHandler(ClaimJsonReader.NotClaimsException.class)
    public ProblemDetail notClaims(ClaimJsonReader.NotClaimsException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * The client hung up before its answer was ready: the work stopped and everything of the request was rolled
     * back. Logged, since nobody reads the answer (unless the client only sent more than its request).
     */
    @ExceptionHandler(ClientConnection.GoneException.class)
    public ProblemDetail clientGone(ClientConnection.GoneException e, HttpServletRequest request) {
        log.info(
                "{} {} of {}: the client closed its connection after {} claims were decided; stopped, rolled back,"
                        + " nothing stored",
                request.getMethod(),
                ApiProblems.safePath(request),
                request.getRemoteUser(),
                e.claimsDone());
        return ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage() + " Nothing was stored.");
    }

    @ExceptionHandler(PayerClaimsController.BadRequest.class)
    public ProblemDetail badRequest(PayerClaimsController.BadRequest e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Claim JSON read by hand (tree to claim) fails here, before Spring's body reading would see it. */
    @ExceptionHandler(JacksonException.class)
    public ProblemDetail unreadableClaim(JacksonException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "The claim JSON could not be read: " + e.getOriginalMessage());
    }
}
