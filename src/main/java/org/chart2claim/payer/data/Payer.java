package org.chart2claim.payer.data;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One simulated payer as its data file defines it (codebooks/payers/&lt;id&gt;.yaml). */
public record Payer(
        String id,
        String name,
        PayerType type,
        int timelyFilingDays,
        CostSharing costSharing,
        Set<String> priorAuthorizationCodes,
        List<NotCoveredRule> notCovered,
        List<CoveragePolicy> coveragePolicies) {

    public Optional<NotCoveredRule> notCoveredRuleFor(String code) {
        return notCovered.stream().filter(r -> r.codes().contains(code)).findFirst();
    }

    public List<CoveragePolicy> policiesFor(String code) {
        return coveragePolicies.stream()
                .filter(p -> p.procedures().contains(code))
                .toList();
    }
}
