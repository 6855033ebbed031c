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

    /** ICD-10-CM code without the dot, upper case ("e11.9" → "E119"), as X12 carries it. */
    public static String undotted(String icd) {
        return nz(icd).replace(".", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** ICD-10-CM code with the dot after the category ("E119" → "E11.9"), as code books print it. */
    public static String dotted(String icd) {
        String u = undotted(icd);
        return u.length() > 3 ? u.substring(0, 3) + "." + u.substring(3) : u;
    }
}
