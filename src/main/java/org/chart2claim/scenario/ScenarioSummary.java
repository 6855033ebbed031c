package org.chart2claim.scenario;

import java.util.List;

/** Catalogue metadata of a scenario: safe for anyone logged in. */
public record ScenarioSummary(
        String id,
        String title,
        String specialty,
        int difficulty,
        List<String> tags,
        String codeSetYear,
        String setting,
        int version) {

    public static ScenarioSummary of(Scenario s) {
        return new ScenarioSummary(
                s.id(), s.title(), s.specialty(), s.difficulty(), s.tags(), s.codeSetYear(), s.setting(), s.version());
    }
}
