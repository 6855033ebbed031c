package org.chart2claim.authoring.api;

import java.util.List;
import java.util.Map;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.DisputeService;
import org.chart2claim.authoring.ScenarioZip;
import org.chart2claim.config.ApiProblems;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Authoring's errors in the API's problem shape: an invalid scenario is 400 with {@code errors: [{line, field,
 * message}]}; a refused zip 400 with one error; not found (or not yours) 404; a scenario the caller may not
 * change 403 saying what to do instead; a dispute the rules refuse 400.
 */
@RestControllerAdvice(assignableTypes = {ScenarioAuthoringController.class, DisputeController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuthoringApiErrors {

    @ExceptionHandler(ScenarioLibrary.InvalidScenarioException.class)
    public ProblemDetail invalid(ScenarioLibrary.InvalidScenarioException e) {
        ProblemDetail problem = ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                "The scenario is not valid (" + e.errors().size() + " problem"
                        + (e.errors().size() == 1 ? "" : "s") + "); nothing was changed.");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(ScenarioZip.RefusedException.class)
    public ProblemDetail refused(ScenarioZip.RefusedException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "The zip was refused: " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(AuthoringService.NotFoundException.class)
    public ProblemDetail notFound(AuthoringService.NotFoundException e) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AuthoringService.NotEditableException.class)
    public ProblemDetail notEditable(AuthoringService.NotEditableException e) {
        return ApiProblems.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(DisputeService.DisputeException.class)
    public ProblemDetail dispute(DisputeService.DisputeException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
