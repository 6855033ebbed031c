package org.chart2claim.codebook.search;

/** Field names of the code search index (one Lucene document per code or header). */
final class CodeIndexFields {
    static final String SYSTEM = "system";
    /**
     * What a result shows (system, code as printed, title, billable, version), as one doc value: reading
     * it for the ten hits of a search is a lookup, where stored fields decompress a block per hit.
     */
    static final String HIT = "hit";
    /** The title's qualifiers and negated words for the sibling choice ({@link TitleFit#encode}), as a doc value. */
    static final String FIT = "fit";
    /** Code upper case without dot: exact and prefix look-ups. */
    static final String CODE_KEY = "codeKey";

    static final String TITLE = "title";
    static final String BILLABLE = "billable";
    /** Other names of the code: short title, inclusion terms, synonyms (not the title, not index paths). */
    static final String ALT = "alt";
    /** Alphabetic Index paths leading to the code ("Diabetes type 2 with hyperglycemia"). */
    static final String INDEX = "index";
    /**
     * Every word of the title, the other names and the index paths, one value each: which codes a query
     * word matches is decided on this one field (one posting list per word, cheap to intersect); the
     * per-field weights only score the codes it lets through.
     */
    static final String MATCH = "match";
    /**
     * Initials of every run of 2–5 words of the title and the other names ("chronic obstructive pulmonary
     * disease" → copd, "type 2 diabetes mellitus" → t2dm, "shortness of breath" → sob and sb): how notes
     * abbreviate what titles spell out.
     */
    static final String ACRONYM = "acronym";

    /**
     * The numbers inside the ranges a title states ("2.6 cm to 7.5 cm", "up to 15 tags", "BMI 40.0-44.9"),
     * as {@link NumberRanges} tokens: a note's "4 cm" or "BMI 42" ranks the code whose range holds it.
     */
    static final String RANGE = "range";

    /** Main terms of the Alphabetic Index that lead directly to the code. */
    static final String INDEX_MAIN = "indexMain";
    /** Our synonyms pinned to the code (term and expansions). */
    static final String SYNONYM = "syn";
    /** "1" when the code is the default choice of its family (title says unspecified / NOS). */
    static final String DEFAULT_CHOICE = "dflt";

    /**
     * "1" when the title says the condition is uncomplicated ("without coma", "without obstruction or
     * gangrene", "uncomplicated"): the code a coder picks when the note names no complication.
     */
    static final String UNCOMPLICATED = "uncomplicated";

    /**
     * "1" unless the title is a residual category ("Other transient cerebral ischemic attacks", "Other
     * specified ..."): those are for a documented kind the classification has no code of its own for.
     */
    static final String NOT_RESIDUAL = "notResidual";

    /** The title's head: up to the first comma ("Walker" of "Walker, rigid (pickup), ..."). */
    static final String HEAD = "head";
    /**
     * "1" for every billable code but those of a subsequent encounter or a sequela: the initial encounter
     * (7th character A, B) is the usual training case, and codes without an encounter are not penalised for it.
     */
    static final String INITIAL = "initial";

    private CodeIndexFields() {}
}
