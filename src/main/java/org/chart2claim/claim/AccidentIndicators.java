package org.chart2claim.claim;

/** Boxes 10a–c: condition related to employment, auto accident (with state) or other accident. */
public record AccidentIndicators(
        boolean employment, boolean autoAccident, String autoAccidentState, boolean otherAccident) {
    public static AccidentIndicators none() {
        return new AccidentIndicators(false, false, "", false);
    }

    public boolean any() {
        return employment || autoAccident || otherAccident;
    }
}
