package org.chart2claim.claim;

/** Box 6, patient relationship to insured, with its X12 individual relationship code (SBR02/PAT01). */
public enum Relationship {
    SELF("18"),
    SPOUSE("01"),
    CHILD("19"),
    OTHER("G8");

    private final String x12Code;

    Relationship(String x12Code) {
        this.x12Code = x12Code;
    }

    public String x12Code() {
        return x12Code;
    }

    public static Relationship fromX12(String code) {
        for (Relationship r : values()) {
            if (r.x12Code.equals(code)) {
                return r;
            }
        }
        return OTHER;
    }
}
