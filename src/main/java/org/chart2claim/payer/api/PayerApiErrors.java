package org.chart2claim.payer.api;

import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.config.ApiProblems;
import org.chart2claim.payer.PayerService;
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
