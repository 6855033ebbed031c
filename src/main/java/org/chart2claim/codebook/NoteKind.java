package org.chart2claim.codebook;

/**
 * The kinds of Tabular List instructional notes. {@link #keyword()} is the name used in the code-book
 * files and in the official Tabular XML element names.
 */
public enum NoteKind {
    INCLUDES("includes", "Includes"),
    INCLUSION_TERM("inclusionTerm", "Inclusion terms"),
    EXCLUDES1("excludes1", "Excludes1"),
    EXCLUDES2("excludes2", "Excludes2"),
    CODE_FIRST("codeFirst", "Code first"),
    USE_ADDITIONAL_CODE("useAdditionalCode", "Use additional code"),
    CODE_ALSO("codeAlso", "Code also");

    private final String keyword;
    private final String label;

    NoteKind(String keyword, String label) {
        this.keyword = keyword;
        this.label = label;
    }

    /** File/XML keyword, e.g. {@code excludes1}. */
    public String keyword() {
        return keyword;
    }

    /** Heading as printed in the books, e.g. "Excludes1". */
    public String label() {
        return label;
    }

    /** The kind for a keyword (case-insensitive), or null when unknown. */
    public static NoteKind fromKeyword(String keyword) {
        for (NoteKind kind : values()) {
            if (kind.keyword.equalsIgnoreCase(keyword)) {
                return kind;
            }
        }
        return null;
    }
}
