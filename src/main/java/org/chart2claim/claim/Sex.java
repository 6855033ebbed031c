package org.chart2claim.claim;

/** Administrative sex as X12 DMG03 and box 3 carry it. */
public enum Sex {
    M,
    F,
    U;

    public static Sex parse(String s) {
        if (s == null || s.isBlank()) {
            return U;
        }
        return switch (s.trim().toUpperCase(java.util.Locale.ROOT).charAt(0)) {
            case 'M' -> M;
            case 'F' -> F;
            default -> U;
        };
    }
}
