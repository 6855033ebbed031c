package org.chart2claim.coding.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.config.ApiProblems;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Submitting coded answers and reading one's graded attempts. */
@RestController
@RequestMapping("/api")
public class AttemptController {

    private final AttemptService attempts;
    private final ScenarioLibrary scenarios;
    private final CurrentUser currentUser;

    public AttemptController(AttemptService attempts, ScenarioLibrary scenarios, CurrentUser currentUser) {
        this.attempts = attempts;
        this.scenarios = scenarios;
        this.currentUser = currentUser;
    }

    /** The answer key in the shape of an attempt body: posting it to /attempts scores 100. */
    @GetMapping("/scenarios/{id}/key")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public CodingAnswer key(@PathVariable String id) {
        return scenarios
                .find(id)
                .map(s -> CodingAnswer.fromKey(s.key()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No scenario with id " + id));
    }

    /**
     * The graded answer: score 0–100, verdicts per element, extras and feedback. {@code afterKey} is true when
     * an earlier attempt of this scenario was graded (its feedback showed the key): this one does not count.
     */
    public record GradedResponse(
            long attemptId, String scenarioId, int scenarioVersion, int score, boolean afterKey, GradeResult result) {}

    @PostMapping("/scenarios/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    public GradedResponse submit(@PathVariable String id, @RequestBody CodingAnswer answer) {
        AttemptService.GradedAttempt graded =
                attempts.submit(currentUser.requireUsername(), id, answer == null ? CodingAnswer.empty() : answer);
        return new GradedResponse(
                graded.id(),
                graded.scenarioId(),
                graded.scenarioVersion(),
                graded.score(),
                graded.afterKey(),
                graded.result());
    }

    @GetMapping("/attempts")
    public List<AttemptService.AttemptSummary> mine() {
        return attempts.history(currentUser.requireUsername());
    }

    /** One graded attempt: the owner's, or any for instructors/admins; 404 otherwise. */
    @GetMapping("/attempts/{attemptId}")
    public AttemptService.GradedAttempt one(@PathVariable long attemptId) {
        return attempts.attemptFor(attemptId, currentUser.requireUsername(), currentUser.roles())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such attempt"));
    }

    @ExceptionHandler(AttemptService.InvalidAnswerException.class)
    public ProblemDetail invalid(AttemptService.InvalidAnswerException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(AttemptService.UnknownScenarioException.class)
    public ProblemDetail unknown(AttemptService.UnknownScenarioException e) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
