package org.chart2claim.claim;

/** A person's or organisation's name; organisations use {@code last} only. */
public record PersonName(String last, String first, String middle) {
    public static PersonName of(String last, String first) {
        return new PersonName(last, first, "");
    }

    public boolean complete() {
        return !ClaimText.isBlank(last) && !ClaimText.isBlank(first);
    }

    /** "LAST, FIRST M" as printed on the CMS-1500. */
    public String display() {
        String s = ClaimText.nz(last);
        if (!ClaimText.isBlank(first)) {
            s += ", " + first.trim();
        }
        if (!ClaimText.isBlank(middle)) {
            s += " " + middle.trim();
        }
        return s;
    }
}
