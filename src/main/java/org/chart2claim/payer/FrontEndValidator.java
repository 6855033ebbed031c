package org.chart2claim.payer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimScrubber;
import org.chart2claim.claim.ScrubFinding;
import org.chart2claim.payer.data.PayerRules;

/**
 * Clearinghouse / 277CA-style front end: a claim with unreadable content, missing required data, an invalid
 * NPI or a malformed code is rejected here and never adjudicated (no remittance, no appeal rights: fix and
 * resubmit as a new original). Uses the same {@link ClaimScrubber} the claim builder shows.
 */
public final class FrontEndValidator {
    private final ClaimScrubber scrubber = new ClaimScrubber();

    public List<Rejection> validate(Claim claim, List<String> intakeProblems, PayerRules rules, LocalDate today) {
        List<Rejection> out = new ArrayList<>();
        for (String p : intakeProblems) {
            out.add(new Rejection("837P", p));
        }
        for (ScrubFinding f : scrubber.scrub(claim, today)) {
            out.add(new Rejection("Box " + f.box(), f.field() + ": " + f.message()));
        }
        if (claim != null
                && claim.payerId() != null
                && !claim.payerId().isBlank()
                && rules.payer(claim.payerId()).isEmpty()) {
            out.add(new Rejection(
                    "Payer ID",
                    "Payer '" + claim.payerId() + "' is not a payer this clearinghouse routes to (known: "
                            + String.join(
                                    ", ",
                                    rules.payers().stream()
                                            .map(p -> p.id())
                                            .sorted()
                                            .toList()) + ")."));
        }
        return out;
    }
}
