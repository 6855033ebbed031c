package org.chart2claim.scenario;

import java.util.List;

/** A scenario file that cannot be used, with every reason found (not just the first). */
public class ScenarioFormatException extends Exception {

    private final List<String> reasons;

    public ScenarioFormatException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
