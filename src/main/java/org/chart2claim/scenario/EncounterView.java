package org.chart2claim.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * What a learner may see of a scenario before submitting: the note and the encounter data a practice
 * management system would hold. Deliberately has no field for the answer key.
 */
public record EncounterView(
        String id,
        String title,
        String specialty,
        int difficulty,
        List<String> tags,
        String codeSetYear,
        String setting,
        String placeOfService,
        LocalDate dateOfService,
        Scenario.Patient patient,
        Scenario.PayerRef payer,
        Scenario.Provider renderingProvider,
        Scenario.Provider billingProvider,
        Scenario.Provider referringProvider,
        String priorAuthorization,
        String note) {

    public static EncounterView of(Scenario s) {
        return new EncounterView(
                s.id(),
                s.title(),
                s.specialty(),
                s.difficulty(),
                s.tags(),
                s.codeSetYear(),
                s.setting(),
                s.placeOfService(),
                s.dateOfService(),
                s.patient(),
                s.payer(),
                s.renderingProvider(),
                s.billingProvider(),
                s.referringProvider(),
                s.priorAuthorization(),
                s.noteMarkdown());
    }
}
