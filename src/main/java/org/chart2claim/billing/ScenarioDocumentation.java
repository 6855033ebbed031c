package org.chart2claim.billing;

import org.chart2claim.payer.DocumentedEncounter;
import org.chart2claim.scenario.AnswerKey;
import org.chart2claim.scenario.Scenario;

/** The scenario's answer key as the record a prepayment reviewer compares the claim with. */
public final class ScenarioDocumentation {
    private ScenarioDocumentation() {}

    public static DocumentedEncounter of(Scenario scenario) {
        AnswerKey key = scenario.key();
        return new DocumentedEncounter(
                key.diagnoses().stream().map(AnswerKey.Diagnosis::code).toList(),
                key.procedures().stream()
                        .map(p -> new DocumentedEncounter.DocumentedService(p.code(), p.modifiers(), p.units()))
                        .toList());
    }
}
