package org.chart2claim.billing.api;

import org.chart2claim.billing.posting.PracticeLedger;
import org.chart2claim.billing.posting.UnbalancedPostingException;
import org.chart2claim.config.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The billing office's refusals in the API's one problem shape: 400, every reason, nothing posted. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BillingApiErrors {

    @ExceptionHandler(PracticeLedger.PostingRefused.class)
    public ProblemDetail refused(PracticeLedger.PostingRefused e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(UnbalancedPostingException.class)
    public ProblemDetail unbalanced(UnbalancedPostingException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("difference", e.difference());
        return problem;
    }
}
