package org.chart2claim.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.chart2claim.assessment.Question;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.QuestionProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The question bank for instructors and administrators (keys included: students never reach this). */
@RestController
@RequestMapping("/api/questions")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class QuestionController {

    private final QuestionBank bank;

    public QuestionController(QuestionBank bank) {
        this.bank = bank;
    }

    /** The bank as a list; {@code problems} are the questions that did not load and why. */
    public record Bank(int count, List<Question> questions, List<QuestionProblem> problems) {}

    @GetMapping
    public Bank questions(@RequestParam(required = false) String domain) {
        if (domain == null || domain.isBlank()) {
            return new Bank(bank.all().size(), bank.all(), bank.problems());
        }
        QuestionDomain d = QuestionDomain.byId(domain.strip())
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.BAD_REQUEST,
                        "Unknown domain '" + domain + "'; one of " + List.of(QuestionDomain.values())));
        List<Question> list = bank.inDomain(d);
        return new Bank(list.size(), list, List.of());
    }
}
