package org.chart2claim.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.chart2claim.assessment.Question;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.QuestionFilter;
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

    /**
     * The bank as a list (each question at its current {@code version}); {@code problems} are the questions that did
     * not load and why (on the unfiltered list only).
     */
    public record Bank(int count, List<Question> questions, List<QuestionProblem> problems) {}

    /**
     * @param domain a domain id; {@code tag} a tag; {@code status} ACTIVE (default: what new exams may use), RETIRED
     *     or ALL; {@code q} words that must all occur in the id, stem, options or rationale
     */
    @GetMapping
    public Bank questions(
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q) {
        QuestionDomain d = null;
        if (domain != null && !domain.isBlank()) {
            d = QuestionDomain.byId(domain.strip())
                    .orElseThrow(() -> new ResponseStatusException(
                            HttpStatus.BAD_REQUEST,
                            "Unknown domain '" + domain + "'; one of " + List.of(QuestionDomain.values())));
        }
        QuestionFilter.Status s = QuestionFilter.Status.ACTIVE;
        if (status != null && !status.isBlank()) {
            try {
                s = QuestionFilter.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "Unknown status '" + status + "'; one of ACTIVE, RETIRED, ALL");
            }
        }
        QuestionFilter filter = new QuestionFilter(d, tag, s, q);
        List<Question> list = filter.apply(bank.listed()).stream()
                .map(QuestionBank.Listed::question)
                .toList();
        boolean unfiltered = d == null && (tag == null || tag.isBlank()) && (q == null || q.isBlank());
        return new Bank(list.size(), list, unfiltered ? bank.problems() : List.of());
    }
}
