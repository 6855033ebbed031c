package org.chart2claim.claim.x12;

import java.util.List;
import org.chart2claim.claim.Claim;

/**
 * A claim read from an 837P with the problems found while mapping it (e.g. ICD-9 qualifiers, a missing
 * subscriber): a payer's front end rejects the claim for them without adjudicating it.
 */
public record ParsedClaim(Claim claim, List<String> problems) {
    public ParsedClaim {
        problems = List.copyOf(problems);
    }
}
