package org.chart2claim.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.InvalidQuestionException;
import org.chart2claim.assessment.Question;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.QuestionFilter;
import org.chart2claim.assessment.QuestionFilter.Status;
import org.chart2claim.assessment.QuestionProblem;
import org.chart2claim.config.ApiProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The question bank for instructors and administrators (keys included: students never reach this, 403): list,
 * read, write a new question or a new version, retire and restore, and bank files out and in. Writing uses the
 * same rules as the Question bank page; refusals list every message by field path ({@code errors}).
 */
@RestController
@RequestMapping("/api/questions")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class QuestionController {

    private final QuestionBank bank;
    private final CurrentUser currentUser;

    public QuestionController(QuestionBank bank, CurrentUser currentUser) {
        this.bank = bank;
        this.currentUser = currentUser;
    }

    /** Every message of a refused question (or file) by field path, e.g. {@code options.B}, {@code questions[2].key}. */
    @ExceptionHandler(InvalidQuestionException.class)
    public ProblemDetail invalid(InvalidQuestionException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", e.errors());
        if (!e.questionIds().isEmpty()) {
            problem.setProperty("questionIds", e.questionIds()); // the id of the question at a path, where known
        }
        return problem;
    }

    /** One question at its current version, whether it is retired, and its versions. */
    public record Detail(Question question, boolean retired, List<QuestionBank.VersionInfo> versions) {}

    @GetMapping("/{id}")
    public Detail question(@PathVariable String id) {
        Question q = bank.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No question " + id + "."));
        return new Detail(q, bank.isRetired(id), bank.versions(id));
    }

    /** A new question: 201 with its id and version 1. */
    @PostMapping
    public ResponseEntity<QuestionBank.Published> create(@RequestBody JsonNode body) {
        QuestionBank.Published p = bank.publish(body, null, currentUser.requireUsername());
        return ResponseEntity.created(URI.create("/api/questions/" + p.id())).body(p);
    }

    /** The next version of a question ({@code created} false when nothing changed). */
    @PutMapping("/{id}")
    public QuestionBank.Published update(@PathVariable String id, @RequestBody JsonNode body) {
        return bank.publish(body, id, currentUser.requireUsername());
    }

    @PostMapping("/{id}/retire")
    public Map<String, Object> retire(@PathVariable String id) {
        bank.setRetired(id, true);
        return Map.of("id", id, "retired", true);
    }

    @PostMapping("/{id}/restore")
    public Map<String, Object> restore(@PathVariable String id) {
        bank.setRetired(id, false);
        return Map.of("id", id, "retired", false);
    }

    /**
     * One domain's bank file in the shipped format, or without {@code domain} every domain's file in one zip
     * ({@code question-bank.zip}, the files named as shipped); {@code status=ALL} (or RETIRED): retired questions too.
     */
    @GetMapping("/export")
    public ResponseEntity<?> export(
            @RequestParam(required = false) String domain, @RequestParam(required = false) String status) {
        QuestionDomain d = domain(domain);
        Status s = status(status);
        if (d == null) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("application", "zip"))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + QuestionBank.EXPORT_ZIP_NAME + "\"")
                    .body(bank.exportAll(s != Status.ACTIVE));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + d.fileName() + "\"")
                .body(bank.export(d, s != Status.ACTIVE));
    }

    /**
     * One bank file (the body, as exported or as shipped). All or nothing: any problem is a 400 with every message
     * by field path and nothing is written; a body over the API's limit is refused with 413.
     */
    @PostMapping("/import")
    public QuestionBank.Imported importFile(
            @RequestBody(required = false) String text, @RequestParam(required = false) String changeNote) {
        return bank.importFile(text, currentUser.requireUsername(), changeNote);
    }

    /** What a zip import did, per file in the zip's order. */
    public record Imports(List<QuestionBank.Imported> files) {}

    /**
     * A zip of bank files (as {@code GET /api/questions/export} without a domain gives): all or nothing across its
     * files, messages under {@code <file>:<path>}; the same 1 MB body limit.
     */
    @PostMapping(path = "/import", consumes = "application/zip")
    public Imports importZip(@RequestBody byte[] zip, @RequestParam(required = false) String changeNote) {
        // the body is required: an empty one must not make this mapping and the YAML one ambiguous
        return new Imports(
                bank.importBytes(QuestionBank.EXPORT_ZIP_NAME, zip, currentUser.requireUsername(), changeNote));
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
        QuestionDomain d = domain(domain);
        Status s = status(status);
        QuestionFilter filter = new QuestionFilter(d, tag, s, q);
        List<Question> list = filter.apply(bank.listed()).stream()
                .map(QuestionBank.Listed::question)
                .toList();
        boolean unfiltered = d == null && (tag == null || tag.isBlank()) && (q == null || q.isBlank());
        return new Bank(list.size(), list, unfiltered ? bank.problems() : List.of());
    }

    private static QuestionDomain domain(String domain) {
        if (domain == null || domain.isBlank()) {
            return null;
        }
        return QuestionDomain.byId(domain.strip())
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.BAD_REQUEST,
                        "Unknown domain '" + domain + "'; one of " + List.of(QuestionDomain.values())));
    }

    private static Status status(String status) {
        if (status == null || status.isBlank()) {
            return Status.ACTIVE;
        }
        try {
            return Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "Unknown status '" + status + "'; one of ACTIVE, RETIRED, ALL");
        }
    }
}
