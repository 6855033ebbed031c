package org.chart2claim.appeal.api;

import org.chart2claim.appeal.AppealException;
import org.chart2claim.appeal.NoSuchItemException;
import org.chart2claim.config.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The denial desk's errors in the API's one problem shape: bad input 400, another user's or no item 404. */
@RestControllerAdvice(assignableTypes = DenialsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AppealApiErrors {
    @ExceptionHandler(AppealException.class)
    public ProblemDetail badInput(AppealException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NoSuchItemException.class)
    public ProblemDetail notFound(NoSuchItemException e) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
