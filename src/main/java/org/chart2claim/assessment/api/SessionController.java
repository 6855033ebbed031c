package org.chart2claim.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamViews.AnswerState;
import org.chart2claim.assessment.ExamViews.Results;
import org.chart2claim.assessment.ExamViews.SessionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's exam session: resume, autosave answers, submit, continue after the break, results after release.
 * Another student's session is "not found". Proctors extend and close sessions here too.
 */
@RestController
@RequestMapping("/api/assessment-sessions")
public class SessionController {

    private final ExamSessionService sessions;
    private final CurrentUser currentUser;

    public SessionController(ExamSessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @GetMapping("/{sid}")
    @RolesAllowed("STUDENT")
    public SessionView session(@PathVariable String sid) {
        return sessions.session(sid, currentUser.requireUsername());
    }

    /** {@code {"choice":"B"}}, {@code {"diagnoses":[...],"procedures":[...]}}, and/or {@code {"flagged":true}}. */
    @PutMapping("/{sid}/answers/{position}")
    @RolesAllowed("STUDENT")
    public AnswerState answer(
            @PathVariable String sid, @PathVariable int position, @RequestBody ExamSessionService.AnswerInput body) {
        return sessions.answer(sid, currentUser.requireUsername(), position, body);
    }

    @PostMapping("/{sid}/submit")
    @RolesAllowed("STUDENT")
    public SessionView submit(@PathVariable String sid) {
        return sessions.submit(sid, currentUser.requireUsername());
    }

    @PostMapping("/{sid}/continue")
    @RolesAllowed("STUDENT")
    public SessionView continueAfterBreak(@PathVariable String sid) {
        return sessions.continueAfterBreak(sid, currentUser.requireUsername());
    }

    /** Released results only (409 before release). */
    @GetMapping("/{sid}/results")
    @RolesAllowed("STUDENT")
    public Results results(@PathVariable String sid) {
        return sessions.results(sid, currentUser.requireUsername());
    }

    public record ExtendRequest(Integer minutes) {}

    @PostMapping("/{sid}/extend")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public Map<String, Object> extend(@PathVariable String sid, @RequestBody ExtendRequest body) {
        int minutes = body == null || body.minutes() == null ? 0 : body.minutes();
        sessions.extend(sid, minutes, currentUser.requireUsername(), currentUser.roles());
        return Map.of("sessionId", sid, "extendedBy", minutes);
    }

    public record CloseRequest(String note) {}

    @PostMapping("/{sid}/close")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public Map<String, Object> close(@PathVariable String sid, @RequestBody CloseRequest body) {
        sessions.close(sid, body == null ? null : body.note(), currentUser.requireUsername(), currentUser.roles());
        return Map.of("sessionId", sid, "closed", true);
    }

    /** A proctor's or grader's view of any submitted session of an exam they manage. */
    @GetMapping("/{sid}/review")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public Results review(@PathVariable String sid) {
        return sessions.resultsForStaff(sid, currentUser.requireUsername(), currentUser.roles());
    }
}
