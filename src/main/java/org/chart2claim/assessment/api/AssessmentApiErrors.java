package org.chart2claim.assessment.api;

import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.config.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The exam engine's refusals in the API's one problem shape: 400 invalid, 404 not found (or not yours), 409 not now. */
@RestControllerAdvice(basePackageClasses = AssessmentApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AssessmentApiErrors {

    @ExceptionHandler(AssessmentException.class)
    public ProblemDetail refused(AssessmentException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ApiProblems.of(status, e.getMessage());
    }
}
