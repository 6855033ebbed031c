package org.chart2claim.billing.api;

import java.nio.charset.StandardCharsets;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.ar.ArReport;
import org.chart2claim.billing.ar.ArService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/ledgers/{L}/ar}: the ledger's A/R aging and KPIs (see {@code ArCalculator} for every formula);
 * {@code ?format=csv} answers the dashboard's CSV export. An instructor adds {@code ?student=NAME} for a ledger of a
 * student in one of their cohorts. Another user's or an unknown ledger is 404.
 */
@RestController
public class ArController {
    private final ArService ar;
    private final CurrentUser currentUser;

    public ArController(ArService ar, CurrentUser currentUser) {
        this.ar = ar;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/ledgers/{ledger}/ar")
    public ResponseEntity<?> report(
            @PathVariable String ledger,
            @RequestParam(required = false) String student,
            @RequestParam(required = false) String format) {
        String viewer = currentUser.requireUsername();
        String owner = student == null || student.isBlank() ? viewer : student.trim();
        ArReport report = ar.reportAs(viewer, currentUser.roles(), owner, ledger)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "You have no ledger named '" + ledger + "' to see."));
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ar.csv\"")
                    .body(ArService.csv(report));
        }
        return ResponseEntity.ok(report);
    }
}
