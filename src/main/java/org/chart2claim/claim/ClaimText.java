package org.chart2claim.claim;

/** Small null-safe text helpers shared by the claim domain. */
public final class ClaimText {
    private ClaimText() {}

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
