package org.chart2claim.claim;

/** Box 22 / CLM05-3: original, replacement or void of a prior claim. */
public enum FrequencyCode {
    ORIGINAL("1"),
    REPLACEMENT("7"),
    VOID("8");

    private final String code;

    FrequencyCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** 7 and 8 refer to a claim the payer already processed, so they need its claim number (REF*F8). */
    public boolean needsOriginalClaimNumber() {
        return this != ORIGINAL;
    }

    public static java.util.Optional<FrequencyCode> fromCode(String code) {
        for (FrequencyCode f : values()) {
            if (f.code.equals(code)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
