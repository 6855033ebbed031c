package org.chart2claim.scenario.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.scenario.EncounterView;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioSummary;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read access to the scenario library (the answer key is served by the coding feature, for instructors). */
@RestController
@RequestMapping("/api/scenarios")
public class ScenarioController {

    private final ScenarioLibrary library;
    private final CurrentUser currentUser;

    public ScenarioController(ScenarioLibrary library, CurrentUser currentUser) {
        this.library = library;
        this.currentUser = currentUser;
    }

    /** The catalogue the caller may practise from (not retired; shared with everybody or with their cohort). */
    @GetMapping
    public List<ScenarioSummary> list() {
        return library.catalogue(currentUser.requireUsername()).stream()
                .map(ScenarioSummary::of)
                .toList();
    }

    /** Files that failed validation at the last load, with the file name and every reason. */
    @GetMapping("/problems")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public List<org.chart2claim.scenario.ScenarioLoader.Problem> problems() {
        return library.problems();
    }

    @GetMapping("/{id}")
    public EncounterView get(@PathVariable String id) {
        return EncounterView.of(require(id));
    }

    private Scenario require(String id) {
        return library.findVisible(id, currentUser.requireUsername())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No scenario with id " + id));
    }
}
