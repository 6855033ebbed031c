package org.chart2claim.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.AssessmentSpec;
import org.chart2claim.assessment.Composition;
import org.chart2claim.assessment.ExamRecords.Accommodation;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamViews.ProctorRow;
import org.chart2claim.assessment.ExamViews.SessionView;
import org.chart2claim.assessment.GradebookService;
import org.chart2claim.assessment.ItemAnalysis;
import org.chart2claim.assessment.ReleaseMode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Exams: composing, accommodations, gradebook and item analysis (instructors); listing and starting (students). */
@RestController
@RequestMapping("/api/assessments")
public class AssessmentController {

    private final AssessmentService assessments;
    private final ExamSessionService sessions;
    private final GradebookService gradebook;
    private final CurrentUser currentUser;

    public AssessmentController(
            AssessmentService assessments,
            ExamSessionService sessions,
            GradebookService gradebook,
            CurrentUser currentUser) {
        this.assessments = assessments;
        this.sessions = sessions;
        this.gradebook = gradebook;
        this.currentUser = currentUser;
    }

    /** The body of POST /api/assessments; {@code preset: "CPC"} fills the 100-question blueprint. */
    public record CreateRequest(
            String title,
            Long cohortId,
            Integer timeLimitMinutes,
            Instant opensAt,
            Instant closesAt,
            Integer attemptsAllowed,
            Boolean openBook,
            Boolean shuffle,
            ReleaseMode release,
            Integer parts,
            Integer breakMinutes,
            List<Composition.ItemRef> items,
            List<Composition.BlueprintEntry> blueprint,
            String preset) {}

    @PostMapping
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public ResponseEntity<Map<String, Object>> create(@RequestBody CreateRequest r) {
        if (r == null) {
            throw bad("The request has no body.");
        }
        if (r.timeLimitMinutes() == null || r.attemptsAllowed() == null || r.release() == null) {
            throw bad("timeLimitMinutes, attemptsAllowed and release are required.");
        }
        Composition composition;
        if ("CPC".equalsIgnoreCase(r.preset())) {
            composition = assessments.cpcPresetForBank();
        } else if (r.preset() != null) {
            throw bad("The only preset is CPC.");
        } else {
            composition = new Composition(r.items(), r.blueprint());
        }
        AssessmentSpec spec = new AssessmentSpec(
                r.title(),
                r.cohortId(),
                r.timeLimitMinutes(),
                r.opensAt(),
                r.closesAt(),
                r.attemptsAllowed(),
                Boolean.TRUE.equals(r.openBook()),
                Boolean.TRUE.equals(r.shuffle()),
                r.release(),
                r.parts() == null ? 1 : r.parts(),
                r.breakMinutes() == null ? 0 : r.breakMinutes(),
                composition);
        long id = assessments.create(spec, currentUser.requireUsername(), currentUser.roles());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "items", composition.size()));
    }

    /** Instructors and admins: the exams they manage. Students: the exams assigned to them that are open or sat. */
    @GetMapping
    public List<Map<String, Object>> list() {
        String user = currentUser.requireUsername();
        if (currentUser.roles().contains(org.chart2claim.account.Role.STUDENT)
                && !currentUser.roles().contains(org.chart2claim.account.Role.INSTRUCTOR)
                && !currentUser.roles().contains(org.chart2claim.account.Role.ADMIN)) {
            return assessments.forStudent(user).stream()
                    .map(s -> Map.<String, Object>of(
                            "id", s.assessment().id(),
                            "title", s.assessment().title(),
                            "timeLimitMinutes", s.assessment().timeLimitMinutes(),
                            "opensAt", s.opensAt(),
                            "closesAt", s.closesAt(),
                            "open", s.open(),
                            "attemptsAllowed", s.attemptsAllowed(),
                            "attemptsUsed", s.attemptsUsed(),
                            "openBook", s.assessment().openBook()))
                    .toList();
        }
        return assessments.managedBy(user, currentUser.roles()).stream()
                .map(AssessmentController::summary)
                .toList();
    }

    private static Map<String, Object> summary(AssessmentRow a) {
        return Map.ofEntries(
                Map.entry("id", a.id()),
                Map.entry("title", a.title()),
                Map.entry("cohortId", a.cohortId() == null ? "" : a.cohortId()),
                Map.entry("timeLimitMinutes", a.timeLimitMinutes()),
                Map.entry("opensAt", a.opensAt()),
                Map.entry("closesAt", a.closesAt()),
                Map.entry("attemptsAllowed", a.attemptsAllowed()),
                Map.entry("openBook", a.openBook()),
                Map.entry("shuffle", a.shuffle()),
                Map.entry("release", a.release()),
                Map.entry("parts", a.parts()),
                Map.entry("items", a.composition().size()));
    }

    public record AccommodationRequest(
            String username, Integer extraTimePercent, Instant opensAt, Instant closesAt, Integer extraAttempts) {}

    @PostMapping("/{id}/accommodations")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public Accommodation accommodate(@PathVariable long id, @RequestBody AccommodationRequest r) {
        if (r == null) {
            throw bad("The request has no body.");
        }
        return assessments.accommodate(
                id,
                currentUser.requireUsername(),
                currentUser.roles(),
                r.username(),
                r.extraTimePercent(),
                r.opensAt(),
                r.closesAt(),
                r.extraAttempts());
    }

    @PostMapping("/{id}/release")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public Map<String, Object> release(@PathVariable long id) {
        assessments.release(id, currentUser.requireUsername(), currentUser.roles());
        return Map.of("id", id, "released", true);
    }

    @GetMapping("/{id}/sessions")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public List<ProctorRow> proctor(@PathVariable long id) {
        return sessions.proctor(id, currentUser.requireUsername(), currentUser.roles());
    }

    @GetMapping(value = "/{id}/gradebook.csv", produces = "text/csv")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public ResponseEntity<byte[]> gradebookCsv(@PathVariable long id) {
        String csv = gradebook.assessmentCsv(id, currentUser.requireUsername(), currentUser.roles());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + "-gradebook.csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{id}/item-analysis")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public ItemAnalysis.Report itemAnalysis(@PathVariable long id) {
        return gradebook.itemAnalysis(id, currentUser.requireUsername(), currentUser.roles());
    }

    /** Starts the student's session (201), or resumes the running one (200). */
    @PostMapping("/{id}/sessions")
    @RolesAllowed("STUDENT")
    public ResponseEntity<SessionView> start(@PathVariable long id) {
        ExamSessionService.Started started = sessions.start(id, currentUser.requireUsername());
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(started.session());
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
