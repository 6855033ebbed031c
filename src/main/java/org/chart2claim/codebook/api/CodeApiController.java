package org.chart2claim.codebook.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chart2claim.codebook.CodeBook;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeDetail;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeHit;
import org.chart2claim.codebook.search.CodeSearchIndex;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.config.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Code search REST API (authenticated like all of {@code /api/**}):
 * <ul>
 *   <li>{@code GET /api/codes/search?q=...&system=ICD10CM|HCPCS|CPT&billable=true&limit=10}</li>
 *   <li>{@code GET /api/codes/{system}/{code}}: the code with hierarchy and notes, 404 JSON if unknown</li>
 *   <li>{@code GET /api/codes/{system}}: every code of the active set</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/codes")
public class CodeApiController {

    /** One search result as the API shows it. */
    public record SearchResult(CodeSystem system, String code, String title, boolean billable, float score) {}

    public record SearchResponse(List<SearchResult> results) {}

    public record ListedCode(String code, String title, boolean billable) {}

    private final CodeSearchService search;
    private final CodeBookService books;

    public CodeApiController(CodeSearchService search, CodeBookService books) {
        this.search = search;
        this.books = books;
    }

    @GetMapping("/search")
    public ResponseEntity<?> search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "system", required = false) String system,
            @RequestParam(name = "billable", required = false) String billable,
            @RequestParam(name = "limit", required = false) String limit) {
        CodeSystem wanted = null;
        if (system != null && !system.isBlank()) {
            Optional<CodeSystem> parsed = parseSystem(system);
            if (parsed.isEmpty()) {
                return error(
                        HttpStatus.BAD_REQUEST,
                        "Unknown code system '" + abbreviate(system) + "': use ICD10CM, HCPCS or CPT");
            }
            wanted = parsed.get();
        }
        int n = 10;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                return error(HttpStatus.BAD_REQUEST, "limit must be a number from 1 to " + CodeSearchIndex.MAX_LIMIT);
            }
            if (n < 1 || n > CodeSearchIndex.MAX_LIMIT) {
                return error(HttpStatus.BAD_REQUEST, "limit must be a number from 1 to " + CodeSearchIndex.MAX_LIMIT);
            }
        }
        boolean billableOnly = "true".equalsIgnoreCase(billable == null ? "" : billable.strip());
        List<CodeHit> hits = search.search(q == null ? "" : q, wanted, billableOnly, n);
        return ResponseEntity.ok(new SearchResponse(hits.stream()
                .map(h -> new SearchResult(h.system(), h.code(), h.title(), h.billable(), round(h.score())))
                .toList()));
    }

    @GetMapping("/{system}/{code}")
    public ResponseEntity<?> code(@PathVariable("system") String system, @PathVariable("code") String code) {
        Optional<CodeSystem> parsed = parseSystem(system);
        if (parsed.isEmpty()) {
            return error(
                    HttpStatus.NOT_FOUND,
                    "Unknown code system '" + abbreviate(system) + "': use ICD10CM, HCPCS or CPT");
        }
        Optional<CodeBook> book = books.book(parsed.get());
        if (book.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "No " + parsed.get() + " code set is loaded");
        }
        return book.get()
                .find(code)
                .<ResponseEntity<?>>map(entry -> ResponseEntity.ok(CodeDetail.of(book.get(), entry)))
                .orElseGet(() -> error(
                        HttpStatus.NOT_FOUND,
                        "Unknown " + parsed.get() + " code '" + abbreviate(code) + "' in "
                                + book.get().version()));
    }

    @GetMapping("/{system}")
    public ResponseEntity<?> list(@PathVariable("system") String system) {
        Optional<CodeSystem> parsed = parseSystem(system);
        if (parsed.isEmpty()) {
            return error(
                    HttpStatus.NOT_FOUND,
                    "Unknown code system '" + abbreviate(system) + "': use ICD10CM, HCPCS or CPT");
        }
        return books.book(parsed.get())
                .<ResponseEntity<?>>map(book -> ResponseEntity.ok(book.set().entries().stream()
                        .map(e -> new ListedCode(e.code(), e.title(), e.billable()))
                        .toList()))
                .orElseGet(() -> ResponseEntity.ok(List.of()));
    }

    private static Optional<CodeSystem> parseSystem(String value) {
        String normalized =
                value.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (CodeSystem s : CodeSystem.values()) {
            if (s.name().equals(normalized)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static ResponseEntity<ProblemDetail> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiProblems.of(status, message));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static float round(float score) {
        return Math.round(score * 100f) / 100f;
    }
}
