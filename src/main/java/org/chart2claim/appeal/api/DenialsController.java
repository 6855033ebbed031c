package org.chart2claim.appeal.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.Role;
import org.chart2claim.appeal.ActionAnswer;
import org.chart2claim.appeal.ActionRequest;
import org.chart2claim.appeal.AppealException;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.appeal.AppealStore.FilingRow;
import org.chart2claim.appeal.Drill;
import org.chart2claim.appeal.NoSuchItemException;
import org.chart2claim.appeal.RecordDocument;
import org.chart2claim.appeal.decision.Outcome;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/denials}: the caller's work items per ledger, actions on them, the denial drills, and (instructors)
 * the role-play review queue. Owner only: another user's item answers 404. The ledger clock that brings appeal
 * decisions is billing's {@code POST /api/ledgers/{L}/clock}.
 */
@RestController
@RequestMapping("/api/denials")
public class DenialsController {
    private final AppealService appeals;
    private final CurrentUser currentUser;

    public DenialsController(AppealService appeals, CurrentUser currentUser) {
        this.appeals = appeals;
        this.currentUser = currentUser;
    }

    @GetMapping
    public List<Map<String, Object>> worklist(@RequestParam(required = false) String ledger) {
        if (ledger == null || ledger.isBlank()) {
            throw new AppealException("Name the ledger: GET /api/denials?ledger=L.");
        }
        return appeals.worklist(currentUser.requireUsername(), ledger.trim()).stream()
                .map(DenialsController::json)
                .toList();
    }

    @GetMapping("/{id}")
    public Map<String, Object> item(@PathVariable long id) {
        String username = currentUser.requireUsername();
        AppealService.WorkItem item =
                appeals.item(username, id).orElseThrow(() -> new NoSuchItemException("No work item " + id + "."));
        Map<String, Object> out = json(item);
        out.put("explanation", item.row().explanation());
        out.put("billed", item.row().billed());
        out.put("allowed", item.row().allowed());
        out.put("paid", item.row().paid());
        out.put("documentationAvailable", RecordDocument.ids(appeals.availableDocumentation(item.row())));
        out.put(
                "appeals",
                appeals.filings(item).stream().map(DenialsController::json).toList());
        return out;
    }

    @PostMapping("/{id}/actions")
    public ActionAnswer act(@PathVariable long id, @RequestBody ActionRequest request) {
        return appeals.act(currentUser.requireUsername(), id, request);
    }

    @GetMapping("/drills")
    public List<Map<String, Object>> drills() {
        return appeals.drills().stream()
                .map(d -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", d.id());
                    m.put("title", d.title());
                    m.put("kind", d.kind().id());
                    m.put("scenario", d.scenarioId());
                    m.put("line", d.line());
                    m.put("denial", d.denial().label());
                    return m;
                })
                .toList();
    }

    public record StartBody(String ledger) {}

    @PostMapping("/drills/{id}/start")
    public Map<String, Object> start(@PathVariable String id, @RequestBody(required = false) StartBody body) {
        AppealService.DrillStart started =
                appeals.startDrill(currentUser.requireUsername(), id, body == null ? null : body.ledger());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("drill", started.drill().id());
        out.put(
                "ledger",
                started.items().isEmpty()
                        ? body.ledger()
                        : started.items().getFirst().row().ledger());
        out.put("remittance", started.remittance().withoutHints());
        out.put("items", started.items().stream().map(DenialsController::json).toList());
        return out;
    }

    @GetMapping("/drills/{id}/key")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public Map<String, Object> key(@PathVariable String id) {
        Drill drill = appeals.drill(id).orElseThrow(() -> new NoSuchItemException("No drill " + id + "."));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expectedActions", drill.expectedActions());
        out.put(
                "documentation",
                drill.documentation().stream().map(RecordDocument::id).toList());
        if (drill.expectedActions().contains(org.chart2claim.appeal.AppealAction.CORRECTED_CLAIM)) {
            Scenario scenario = appeals.scenarioOf(drill).orElseThrow();
            out.put("correctedClaim", CodingAnswer.fromKey(scenario.key()));
        }
        out.put("fault", drill.fault());
        out.put("rationale", drill.rationale());
        return out;
    }

    public record ReviewBody(String outcome, String reason) {}

    @GetMapping("/reviews")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public List<Map<String, Object>> reviews() {
        return appeals.reviewQueue(currentUser.requireUsername(), currentUser.hasRole(Role.ADMIN)).stream()
                .map(c -> {
                    Map<String, Object> m = json(c.filing());
                    m.put("student", c.item().username());
                    m.put("claimNumber", c.item().claimNumber());
                    m.put("line", c.item().line());
                    m.put("denial", c.item().label());
                    return m;
                })
                .toList();
    }

    @PostMapping("/reviews/{filingId}")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public ActionAnswer review(@PathVariable long filingId, @RequestBody ReviewBody body) {
        Outcome outcome = null;
        if (body != null && body.outcome() != null) {
            try {
                outcome = Outcome.valueOf(body.outcome().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new AppealException("Outcome is OVERTURNED, UPHELD or DISMISSED, not '" + body.outcome() + "'.");
            }
        }
        return appeals.review(
                currentUser.requireUsername(),
                currentUser.hasRole(Role.ADMIN),
                filingId,
                outcome,
                body == null ? null : body.reason());
    }

    public record RolePlayBody(Boolean on) {}

    @PutMapping("/role-play/{cohortId}")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public Map<String, Object> rolePlay(@PathVariable long cohortId, @RequestBody RolePlayBody body) {
        if (body == null || body.on() == null) {
            throw new AppealException("Send {\"on\": true} or {\"on\": false}.");
        }
        appeals.setRolePlay(currentUser.requireUsername(), currentUser.hasRole(Role.ADMIN), cohortId, body.on());
        return Map.of("cohort", cohortId, "rolePlay", appeals.rolePlay(cohortId));
    }

    static Map<String, Object> json(AppealService.WorkItem w) {
        var r = w.row();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("claimNumber", r.claimNumber());
        m.put("line", r.line());
        m.put("code", r.code());
        m.put("group", r.group());
        m.put("carc", r.carc());
        m.put("rarc", r.rarc());
        m.put("amount", r.amount());
        m.put("remittedOn", r.remittedOn());
        m.put("deadline", w.deadline());
        m.put("level", r.level());
        m.put("status", r.status().name());
        m.put("statusText", w.statusText());
        m.put("patient", r.patient());
        m.put("payer", w.payerName());
        if (r.drillId() != null) {
            m.put("drill", r.drillId());
        }
        if (r.status().scored() && r.score() != null) {
            m.put("score", r.score());
            m.put("feedback", r.feedback());
        }
        return m;
    }

    static Map<String, Object> json(FilingRow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("level", f.level());
        m.put("filedOn", f.filedOn());
        m.put("deadline", f.deadline());
        m.put("respondBy", f.dueOn());
        m.put("letter", f.letter());
        m.put("decision", f.pending() ? "PENDING" : f.decision().outcome().name());
        if (!f.pending()) {
            m.put("decidedOn", f.decidedOn());
            m.put("explanation", f.decision().explanation());
        }
        return m;
    }
}
