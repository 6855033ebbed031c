package org.chart2claim.authoring.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.Dispute;
import org.chart2claim.authoring.DisputeService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answer-key disputes: the attempt's owner files one; instructors (their cohorts' students) and admins list and
 * resolve them.
 */
@RestController
@RequestMapping("/api")
public class DisputeController {

    private final DisputeService disputes;
    private final CurrentUser currentUser;

    public DisputeController(DisputeService disputes, CurrentUser currentUser) {
        this.disputes = disputes;
        this.currentUser = currentUser;
    }

    /** {@code element}: a key of {@code KeyElement} (dx:E11.40, sequence, line:1:modifiers ...). */
    public record DisputeRequest(String element, String argument, String citation) {}

    /** ACCEPT or REJECT; {@code scenario} (optional) is the corrected file text to publish first. */
    public record Resolution(String decision, String reply, Boolean regrade, String scenario, String payerOverride) {}

    @PostMapping("/attempts/{attemptId}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    public DisputeService.View open(@PathVariable long attemptId, @RequestBody DisputeRequest body) {
        if (body == null) {
            throw new DisputeService.DisputeException("Send {\"element\", \"argument\", \"citation\"?}.");
        }
        return disputes.open(
                attemptId, body.element(), body.argument(), body.citation(), currentUser.requireUsername());
    }

    /** The caller's own disputes (students see their outcomes here). */
    @GetMapping("/disputes/mine")
    public List<DisputeService.View> mine() {
        return disputes.mine(currentUser.requireUsername());
    }

    @GetMapping("/disputes")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public List<DisputeService.View> queue(@RequestParam(required = false) Dispute.Status status) {
        return disputes.queue(status, currentUser.requireUsername(), currentUser.roles());
    }

    @PostMapping("/disputes/{id}/resolve")
    @RolesAllowed({"INSTRUCTOR", "ADMIN"})
    public DisputeService.View resolve(@PathVariable long id, @RequestBody Resolution body) {
        if (body == null || body.decision() == null) {
            throw new DisputeService.DisputeException("decision must be ACCEPT or REJECT.");
        }
        boolean accept = switch (body.decision().strip().toUpperCase(java.util.Locale.ROOT)) {
            case "ACCEPT" -> true;
            case "REJECT" -> false;
            default -> throw new DisputeService.DisputeException("decision must be ACCEPT or REJECT.");
        };
        return disputes.resolve(
                id,
                accept,
                body.reply(),
                Boolean.TRUE.equals(body.regrade()),
                body.scenario(),
                body.payerOverride(),
                currentUser.requireUsername(),
                currentUser.roles());
    }
}
