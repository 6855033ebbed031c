package org.chart2claim.scenario;

/** Who may find a scenario in the catalogue: everybody, or the students of its owner's cohorts. */
public enum ScenarioVisibility {
    EVERYBODY,
    COHORTS
}
