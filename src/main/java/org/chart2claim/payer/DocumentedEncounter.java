package org.chart2claim.payer;

import java.util.List;

/**
 * What the medical record supports, for prepayment documentation review: the scenario's answer key
 * (diagnoses in sequence and procedure lines). Absent for claims that do not come from a scenario.
 */
public record DocumentedEncounter(List<String> diagnoses, List<DocumentedService> services) {
    public DocumentedEncounter {
        diagnoses = List.copyOf(diagnoses);
        services = List.copyOf(services);
    }

    public record DocumentedService(String code, List<String> modifiers, int units) {
        public DocumentedService {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        }
    }
}
