package org.chart2claim.codebook.search;

import java.util.Set;

/**
 * THE weight table of the code search: every boost, weight and matching rule of {@link CodeQueryBuilder}
 * lives here, nowhere else. Scores add up; a boost multiplies the score of its clause.
 *
 * <h2>Which codes match</h2>
 * <ul>
 *   <li>Code-looking input: the exact code ({@value #EXACT_CODE}) or codes starting with it
 *       ({@value #CODE_PREFIX}), as constant scores.</li>
 *   <li>Words: a code matches when its title, other names or index paths hold all required words of a
 *       1–2 word query, or {@value #REQUIRED_SHARE_PERCENT}% (rounded up) of a longer one. A word counts
 *       when it occurs exactly (stemmed), as a correction of a misspelling, as one of its note-word or
 *       abbreviation expansions ({@code codebooks/note-words.tsv}, {@code synonyms.tsv}), or, typed in
 *       capitals, as the initials of words of the title ({@link Acronyms}: "AOM", "T2DM").</li>
 *   <li><b>Rank-only words</b> never keep a code out: numbers and dose units ({@link #DOSE_UNITS}),
 *       laterality ({@link #LATERALITY}), encounter words ({@link #ENCOUNTER}) and words that occur in no
 *       title, name or index path at all (documentation words such as "sidewalk" in most code sets). They
 *       still rank the codes that match the other words. A query of rank-only words only requires them.</li>
 *   <li>A search that finds fewer than {@value #RELAX_BELOW_HITS} codes tries again requiring a quarter of the
 *       words (rounded up); the codes of the first try stay on top ("impetigo on the face": no title names the
 *       face). An expansion of several words matches with up to {@value #ALTERNATIVE_SLOP} words between.</li>
 * </ul>
 *
 * <h2>How a word scores</h2>
 * The best of its fields counts (dis-max, tie {@value #FIELD_TIE}): title {@value #TITLE_WORD}, other names
 * {@value #ALT_WORD}, index paths {@value #INDEX_WORD}, the acronym of a title {@value #ACRONYM_WORD}; a fuzzy match (misspelling not corrected) counts
 * {@value #FUZZY_SHARE} of the exact one.
 *
 * <h2>Ranking boosts</h2>
 * <ul>
 *   <li>Synonym pinned to codes: whole query {@value #SYNONYM_PIN_WHOLE}, part of the query
 *       {@value #SYNONYM_PIN_PART} × the share of query words it covers; its expansion as a title phrase
 *       {@value #SYNONYM_EXPANSION_PHRASE}.</li>
 *   <li>Every query word in the title {@value #TITLE_WORDS}; numbers {@value #NUMBERS}; laterality words in
 *       the title {@value #LATERALITY_IN_TITLE} more (right before left when the note says right).</li>
 *   <li>Phrases of 2+ words: exact in the title {@value #TITLE_PHRASE_EXACT}, within 8 positions
 *       {@value #TITLE_PHRASE_SLOPPY}, in an index path {@value #INDEX_PHRASE}; any query: Alphabetic Index
 *       main term {@value #INDEX_MAIN_TERM}, each word a main term {@value #INDEX_MAIN_WORD}, title head (up to its first comma) {@value #TITLE_HEAD}, pinned
 *       synonym text {@value #SYNONYM_TEXT}.</li>
 *   <li>What a coder picks when the note says nothing else (never for a code lookup, which lists in book
 *       order): billable code {@value #BILLABLE}; initial encounter {@value #INITIAL_ENCOUNTER}
 *       when the query names no encounter (every code but a subsequent encounter or sequela, so injuries are not
 *       preferred over diseases); the "unspecified" default of a family {@value #DEFAULT_CHOICE}
 *       (less than a named side in the title, so "sciatica, left" prefers "left side" over "unspecified
 *       side", while "left ankle sprain" keeps "unspecified ligament of left ankle"); a title whose last with/without clause is "without ..." or that ends "uncomplicated"
 *       {@value #UNCOMPLICATED} (a complication must be documented to be coded); a title that is not a residual
 *       "Other ..." category {@value #NOT_RESIDUAL} (those are for a documented kind without a code of its own).</li>
 * </ul>
 */
public final class SearchWeights {

    private SearchWeights() {}

    public static final float EXACT_CODE = 100f;
    public static final float CODE_PREFIX = 20f;

    public static final int REQUIRED_SHARE_PERCENT = 50;

    public static final float FIELD_TIE = 0.1f;
    public static final float TITLE_WORD = 1.0f;
    public static final float ALT_WORD = 0.8f;
    public static final float INDEX_WORD = 0.5f;
    public static final float FUZZY_SHARE = 0.3f;
    /**
     * A word typed in capitals (or a short word in no title) that is the acronym of a title ({@link
     * Acronyms}): "AOM" counts like a word of the other names of "acute otitis media".
     */
    public static final float ACRONYM_WORD = 0.8f;

    public static final float SYNONYM_PIN_WHOLE = 30f;
    public static final float SYNONYM_PIN_PART = 5f;
    public static final float SYNONYM_EXPANSION_PHRASE = 3f;

    public static final float TITLE_WORDS = 2f;
    public static final float NUMBERS = 2f;
    /**
     * A number of the query inside a range the title states ({@link NumberRanges}): a constant score about
     * what the number itself scores in a short title (BM25 of a rare term).
     */
    public static final float NUMBER_IN_RANGE = 2f;

    public static final float LATERALITY_IN_TITLE = 3f;

    public static final float TITLE_PHRASE_EXACT = 3f;
    public static final float TITLE_PHRASE_SLOPPY = 1.5f;
    public static final float INDEX_PHRASE = 1f;
    public static final float INDEX_MAIN_TERM = 5f;
    /** Each query word that is a main term of the code's Alphabetic Index entries (the condition looked up). */
    public static final float INDEX_MAIN_WORD = 2f;

    public static final float TITLE_HEAD = 2f;
    public static final float SYNONYM_TEXT = 4f;

    /** The query in book words (note words replaced by their first expansion), as constant scores. */
    public static final float BOOK_WORDS_PHRASE_EXACT = 4f;

    public static final float BOOK_WORDS_PHRASE_SLOPPY = 2f;
    public static final float BOOK_WORDS_HEAD = 3f;

    public static final float BILLABLE = 6f;
    public static final float INITIAL_ENCOUNTER = 5f;
    public static final float DEFAULT_CHOICE = 2f;
    public static final float UNCOMPLICATED = 1.5f;
    /** A title that is not a residual "Other ..." category, unless the query says "other". */
    public static final float NOT_RESIDUAL = 1f;

    /** How many of the best hits the sibling choice ({@link TitleFit}) reorders. */
    public static final int FIT_CANDIDATES = 30;

    /** Per qualifier of a title the query does not say, beyond the fewest of its family ({@link TitleFit}). */
    public static final float EXTRA_QUALIFIER = 1.5f;

    /** Per query word a title does not name, fewer than the best of its family names ({@link TitleFit}). */
    public static final float UNSAID_BY_TITLE = 2f;

    /** Per word the query says that the title negates, or the query negates that the title says. */
    public static final float CONTRADICTION = 4f;

    /**
     * An unspecified (or NOS) title while a sibling of its family among the best hits names more of the note
     * ({@link TitleFit#unspecifiedWhileASiblingNamesMore}): the guidelines keep unspecified codes for notes that
     * document no more. Once, not per word: a sibling that names one more word of the note should win over the
     * unspecified code's usual default and billable boosts, not over a better-matching family.
     */
    public static final float UNSPECIFIED_WHEN_SAID = 3f;

    /**
     * A sign or symptom (ICD-10-CM chapter R) when the note also names a disease that one of the best hits codes:
     * signs and symptoms that a definitive diagnosis explains are not coded apart (ICD-10-CM guidelines I.B.4–5), so
     * "shingles rash along T10" is zoster, not "rash" ({@link TitleFit}). The disease must name a word of the query
     * that the symptom's title does not, and more of the query's words.
     */
    public static final float SYMPTOM_OF_NAMED_DISEASE = 10f;

    /**
     * A disease (ICD-10-CM chapters 1–17) or a sign or finding (chapter R) when the note says screening and no finding, and one of the best hits is an
     * encounter for screening: the reason for the visit is the screening, first-listed; a condition is coded only once
     * found (ICD-10-CM guidelines I.C.21.c.5), so "lipid screening" is Z13.220, not a lipid disorder ({@link TitleFit}).
     */
    public static final float SCREENED_NOT_FOUND = 30f;

    /**
     * A title that begins with a place of service the note does not name ("Home visit, ..."): an E/M visit without a
     * place is the office visit, so "est pt, low MDM" is not the home visit whose shorter title scores higher
     * ({@link TitleFit#PLACE_OF_SERVICE}).
     */
    public static final float UNSTATED_PLACE = 10f;

    /**
     * A note that says the patient is on a drug over time ({@link #LONG_TERM_USE_WORDS}): the codes whose title
     * says {@value #LONG_TERM_USE_TITLE} (Z79, long-term drug therapy) rank this much higher, as a constant
     * score. They must still match the query's words (the drug's class), so a note without a drug is unchanged.
     */
    public static final float LONG_TERM_USE = 8f;

    public static final String LONG_TERM_USE_TITLE = "long term (current)";

    /**
     * How notes say that a drug is taken over time: "on warfarin", "chronic prednisone", "long-term opioids",
     * "Humira, ongoing", dosing frequencies of a medication list ("metformin 1000 mg bid"). Regular expressions
     * over the lower-cased query, matched as whole words.
     */
    public static final java.util.List<String> LONG_TERM_USE_WORDS = java.util.List.of(
            // "on warfarin", but not a drug just begun ("started on ceftriaxone")
            "(?<!(?:started|placed|put|begun|given|start|begin) )on",
            "chronic",
            "long[- ]term",
            "ongoing",
            "maintenance",
            "daily",
            "every day",
            "takes",
            "taking",
            "since",
            "bid",
            "tid",
            "qid",
            "qd",
            "qhs",
            "weekly",
            "monthly",
            "q\\d+ ?(?:h|d|wk|wks|mo)");

    /**
     * Words that only a later encounter has: with any of them in the query (or an expansion of a query word),
     * the initial encounter is no longer preferred ("nonunion of tibial shaft fracture" is a subsequent encounter
     * for fracture with nonunion, 7th character K).
     */
    public static final java.util.List<String> LATER_ENCOUNTER =
            java.util.List.of("subsequent", "sequela", "nonunion", "malunion", "healing");

    /**
     * Body sites as notes name them: where a condition is, not what it is. A try that requires only some of the
     * query's words ({@link #relaxedWords}, any one word) never matches a code on its sites alone when the query
     * names something else ("eczema on both forearms", "lipoma R thigh"); sites still rank and match in the
     * strict try.
     */
    public static final java.util.List<String> BODY_SITES = java.util.List.of(
            "head",
            "scalp",
            "face",
            "forehead",
            "cheek",
            "chin",
            "jaw",
            "lip",
            "nose",
            "ear",
            "eye",
            "eyelid",
            "neck",
            "throat",
            "shoulder",
            "arm",
            "upper arm",
            "elbow",
            "forearm",
            "wrist",
            "hand",
            "palm",
            "finger",
            "thumb",
            "chest",
            "breast",
            "back",
            "abdomen",
            "abd",
            "flank",
            "groin",
            "buttock",
            "hip",
            "thigh",
            "knee",
            "leg",
            "calf",
            "shin",
            "ankle",
            "foot",
            "feet",
            "heel",
            "sole",
            "toe",
            "trunk",
            "limb",
            "extremity");

    /** Stemmed dose units: rank-only, like the numbers they follow ("4 mg", "1 g", "1000 mcg"). */
    public static final Set<String> DOSE_UNITS =
            Set.of("mg", "g", "gm", "gram", "mcg", "microgram", "ml", "cc", "l", "liter", "unit", "iu", "meq");

    /**
     * How often a drug is taken ("prednisone 10 mg daily", "metformin bid"): rank-only, like the dose before it;
     * it says how the drug is taken, not what the patient has ("daily" must not find "new daily persistent
     * headache" for a medication list).
     */
    public static final java.util.List<String> DOSE_FREQUENCY =
            java.util.List.of("daily", "bid", "tid", "qid", "qd", "qhs", "qam", "qpm", "prn", "weekly", "nightly");

    /** Stemmed laterality words (after note-word mapping: R, rt → right). */
    public static final Set<String> LATERALITY = Set.of("right", "left", "bilater");

    /** Stemmed encounter words: they choose the 7th character, thousands of titles share them. */
    public static final Set<String> ENCOUNTER = Set.of("initi", "subsequ", "sequela", "encount", "visit");

    /**
     * Stemmed trimester words: like the encounter, the trimester chooses a character of an obstetric code,
     * and every trimester title shares it; rank-only ({@link GestationalAge} adds them for "28 wks").
     */
    public static final Set<String> TRIMESTER = Set.of("trimest");

    /**
     * Stemmed connectives between a finding and its cause ("UTI due to E. coli", "rash from amoxicillin",
     * "headache after a fall"): rank-only, so a code that names the finding and the cause but not the
     * connective still matches.
     */
    public static final Set<String> CONNECTIVES = Set.of("due", "from", "after", "caus");

    /** The stemmed negation: it picks the "without ..." variant; thousands of titles say it. */
    public static final String WITHOUT = "without";

    /**
     * How a note introduces a finding or the reason for a visit ("pt c/o dysuria", "presents with cough", "pt here
     * today for a refill", "seen today for", "reports"): removed from the query (with a "pt"/"patient" before it), so
     * its letters ("c", "o") and its documentation words ("here", "today", "seen") match nothing.
     */
    public static final java.util.List<String> FILLER = java.util.List.of(
            "c/o",
            "complains of",
            "complaining of",
            "presents with",
            "presenting with",
            "presented with",
            "presents for",
            "presents today for",
            "here today for",
            "here today",
            "here for",
            "in today for",
            "seen today for",
            "seen today",
            "seen for",
            "comes in for",
            "came in for",
            "reports",
            "states");

    /**
     * A patient's age as notes write it ("3 yo", "9 y/o", "6 wk old", "18 mo", "3-year-old"): only its number stays
     * in the query (a number only ranks: "45" still finds the preventive visit "40-64 years"). The unit says who the
     * patient is, not what the patient has, and its words matched titles that mean something else ("3 month old"
     * found "Old myocardial infarction", "6 wk old" a trimester). Notes that mean a newborn say so ("newborn"), and
     * those words stay. Group 1 is the number.
     */
    public static final String AGE =
            "(\\d+(?:\\.\\d+)?)[\\s-]*(?:(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)[\\s-]*old"
                    + "|yo|y/o|y\\.o\\.?|mos?)";

    /**
     * An age in days, or in weeks up to this many, is a newborn's (the perinatal period is the first 28 days,
     * ICD-10-CM guidelines I.C.16): the query says "newborn" for it, so "3 day old, yellow skin" finds neonatal
     * jaundice and "10 day old well check" the newborn examination.
     */
    public static final int NEWBORN_WEEKS = 4;

    /** Negations in a note (after "no" → "without"): the findings after them up to punctuation only rank. */
    public static final java.util.List<String> NEGATIONS =
            java.util.List.of("without", "w/o", "denies", "negative for", "not");

    /**
     * Alphabetic Index paths kept per code, its own before those inherited from the codes above it: a
     * catch-all code ("Exposure to other specified factors", X58, where 80 External Cause terms lead) must
     * not match nearly every word of a note.
     */
    public static final int MAX_INDEX_PATHS = 40;

    /** Slop of an expansion's words ("excessive menstruation" in "excessive and frequent menstruation"). */
    public static final int ALTERNATIVE_SLOP = 3;

    /** A search that found fewer codes than this tries again with {@link #relaxedWords}. */
    public static final int RELAX_BELOW_HITS = 10;

    /** The relaxed second try requires 1 in this many words (rounded up, at least one). */
    public static final int RELAXED_SHARE_DIVISOR = 4;

    /** Required words of the relaxed second try: a quarter of them, rounded up, at least one. */
    static int relaxedWords(int n) {
        return Math.max(1, (int) Math.ceil(n / (double) RELAXED_SHARE_DIVISOR));
    }

    /** Required words of a query of {@code n} words that can decide a match. */
    static int requiredWords(int n) {
        return n <= 2 ? n : (int) Math.ceil(n * REQUIRED_SHARE_PERCENT / 100.0);
    }
}
