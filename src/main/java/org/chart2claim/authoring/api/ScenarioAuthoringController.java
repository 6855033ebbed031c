package org.chart2claim.authoring.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.ScenarioZip;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioVisibility;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scenario authoring over REST (instructors and admins; students get 403): publish a new scenario from its
 * file text, publish a new version, export one file or a zip, import a {@code .md} or a zip, retire.
 */
@RestController
@RequestMapping("/api/scenarios")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class ScenarioAuthoringController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final AuthoringService authoring;
    private final CurrentUser currentUser;

    public ScenarioAuthoringController(AuthoringService authoring, CurrentUser currentUser) {
        this.authoring = authoring;
        this.currentUser = currentUser;
    }

    /** The new scenario's id and first version. */
    public record Created(String id, int version) {}

    /**
     * A new scenario (its id must be new): 201 {id, version}, or 400 {errors: [{line, field, message}]}; a key the
     * simulated payer does not pay without denial is a 400 on {@code key} unless {@code payerOverride} says why.
     */
    @PostMapping(consumes = {"text/markdown", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    public Created create(
            @RequestBody String text,
            @RequestParam(required = false) ScenarioVisibility visibility,
            @RequestParam(required = false) String payerOverride) {
        ScenarioLibrary.Published p = authoring.publish(
                text, null, currentUser.requireUsername(), currentUser.roles(), visibility, null, payerOverride);
        return new Created(p.id(), p.version());
    }

    /** A new version of the scenario (the text's id must be {@code id}); unchanged text keeps the version. */
    @PutMapping(
            path = "/{id}",
            consumes = {"text/markdown", "text/plain"})
    public Created update(
            @PathVariable String id,
            @RequestBody String text,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String payerOverride) {
        ScenarioLibrary.Published p = authoring.publish(
                text, id, currentUser.requireUsername(), currentUser.roles(), null, note, payerOverride);
        return new Created(p.id(), p.version());
    }

    /** The file text of the current version (or {@code ?version=n}), as {@code <id>.md}. */
    @GetMapping("/{id}/export")
    public ResponseEntity<String> export(@PathVariable String id, @RequestParam(required = false) Integer version) {
        String text = authoring.export(id, version, currentUser.requireUsername(), currentUser.roles());
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(id + ".md")
                                .build()
                                .toString())
                .body(text);
    }

    /** A selection as a zip: {@code ?ids=a,b,c}. */
    @GetMapping("/export")
    public ResponseEntity<byte[]> exportZip(@RequestParam String ids) {
        List<String> list = Arrays.stream(ids.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        byte[] zip = authoring.exportZip(list, currentUser.requireUsername(), currentUser.roles());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("scenarios.zip")
                                .build()
                                .toString())
                .body(zip);
    }

    /** Per-file import results. */
    public record ImportResponse(int imported, int failed, List<AuthoringService.ImportResult> files) {}

    /**
     * Imports a zip of scenario files (or one {@code .md} as {@code text/markdown}): each file validated and, when
     * valid, published (a new version when the id exists and is yours). A hostile zip is refused whole.
     */
    @PostMapping(
            path = "/import",
            consumes = {"application/zip", "application/x-zip-compressed", "application/octet-stream"})
    public ImportResponse importZip(@RequestBody byte[] zip, @RequestParam(required = false) String payerOverride)
            throws ScenarioZip.RefusedException {
        return respond(authoring.importFiles(
                ScenarioZip.read(zip), currentUser.requireUsername(), currentUser.roles(), payerOverride));
    }

    @PostMapping(
            path = "/import",
            consumes = {"text/markdown", "text/plain"})
    public ImportResponse importFile(
            @RequestBody String text,
            @RequestParam(defaultValue = "upload.md") String name,
            @RequestParam(required = false) String payerOverride)
            throws ScenarioZip.RefusedException {
        return respond(authoring.importFiles(
                java.util.Map.of(name, text), currentUser.requireUsername(), currentUser.roles(), payerOverride));
    }

    private static ImportResponse respond(List<AuthoringService.ImportResult> results) {
        int ok = (int)
                results.stream().filter(AuthoringService.ImportResult::imported).count();
        return new ImportResponse(ok, results.size() - ok, results);
    }

    /** Retires the scenario: hidden from the catalogue; attempts, versions and claims stay. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void retire(@PathVariable String id) {
        authoring.setRetired(id, true, currentUser.requireUsername(), currentUser.roles());
    }
}
