package org.chart2claim.codebook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.chart2claim.codebook.CodeSystem;

/**
 * The coder's choice between siblings: of the codes of one family (an ICD-10-CM category, a CPT or HCPCS
 * code range), take the one whose title adds nothing the note does not say, and never one whose title
 * contradicts it.
 *
 * <ul>
 *   <li>A title's <b>qualifiers</b> are its words outside parentheses (nonessential), outside "without ..."
 *       and "not ..." clauses (those say what is absent: "without aura", "not intractable") and other than
 *       the neutral words of a default ({@link #NEUTRAL}: unspecified, other, initial encounter, simple,
 *       single ...). A qualifier the query does not say (nor any of its expansions) is an <b>extra</b>:
 *       "Migraine without aura, intractable" adds "intractable" to "migraine w/o aura", "... not intractable"
 *       adds nothing.</li>
 *   <li>A <b>contradiction</b>: a word the query says that the title negates ("BPH with LUTS" against
 *       "... without lower urinary tract symptoms"), or a word the query negates that the title says.</li>
 *
 *   <li>A query word the title does not name while a sibling's does ("sciatica, left" against "Sciatica,
 *       unspecified side" when "Sciatica, left side" is there): the sibling that names more of the note wins.</li>
 *   <li>A title word that is the opposite of a query word ({@link #OPPOSITES}: "complex" for "simple repair",
 *       "chronic" for "acute", "open" for "closed") counts as a contradiction too.</li>
 * </ul>
 *
 * <p>Applied to the best {@link SearchWeights#FIT_CANDIDATES} hits only: each loses {@link
 * SearchWeights#EXTRA_QUALIFIER} per extra beyond the fewest of its family among them, {@link
 * SearchWeights#UNSAID_BY_TITLE} per query word it names fewer than the best of its family, and {@link
 * SearchWeights#CONTRADICTION} per contradiction. The title words are read at index time ({@link #encode}).
 */
final class TitleFit {

    /** Stemmed words that qualify nothing a note would have to say: the defaults of a family. */
    static final Set<String> NEUTRAL = Set.of(
            "unspecifi",
            "specifi",
            "other",
            "no",
            "nos",
            "initi",
            "encount",
            "site",
            "part",
            "elsewher",
            "classifi",
            "simpl",
            "singl",
            "first",
            "due",
            "without",
            "uncompl",
            "unilater");

    /**
     * Stemmed title words of the Table of Drugs' default column: a drug named with a finding is an adverse
     * effect (the drug properly taken), and a poisoning whose intent the note does not state is accidental
     * (ICD-10-CM guidelines I.C.19.e.5). They are no extras, so with nothing else said the adverse effect
     * ranks first, and once the note says poisoning the accidental one does ({@link #OPPOSITES}).
     */
    static final Set<String> DEFAULT_DRUG_COLUMN = Set.of("advers", "effect", "accident");

    /**
     * Stemmed title words of an intent other than the default: assault, intentional self-harm, undetermined intent,
     * terrorism. An external cause or poisoning whose intent the note does not state is accidental (ICD-10-CM
     * guidelines I.C.20.g, I.C.19.e.5), so a title that states another intent contradicts a note that does not.
     */
    static final Set<String> STATED_INTENT = Set.of("assault", "harm", "undetermin", "terror");

    /**
     * Stemmed title words that a note must state to be coded: a personal or family history (a past condition, a
     * relative's: ICD-10-CM guidelines I.C.21.c.4), a neoplasm in situ or secondary (the behavior and the primary
     * site the note documents, I.C.2), a condition secondary to another. A note that names a condition without them
     * codes the condition itself, so such a title contradicts it.
     */
    static final Set<String> STATED_ONLY = Set.of("histori", "famili", "situ", "secondari");

    /**
     * Stemmed places of service that a title can begin with ("Home visit, established patient, low complexity",
     * "Home infusion ..."): the service is coded there only when the note says so. An E/M visit whose note names no
     * place is the office visit, the usual place ({@link SearchWeights#UNSTATED_PLACE}).
     */
    static final Set<String> PLACE_OF_SERVICE = Set.of("home");

    /** Where a negated clause of a title ends: a comma, or the next "with"/"without"/"not" clause. */
    private static final Pattern CLAUSE = Pattern.compile("(?=\\b(?:with|without|not)\\b)|,|;");

    /** Where a negated clause's object ends and the title goes on ("without foreign body | of left finger"). */
    private static final Pattern NEGATION_ENDS = Pattern.compile("\\b(?:of|in|on|at|for|due)\\b");

    /**
     * Words of a title that contradict what a note says ("complex repair" for a simple repair, "chronic" for
     * acute, "open" for a closed fracture, "left" for right), both ways.
     */
    private static final List<List<String>> OPPOSITES = List.of(
            List.of("simple", "complex"),
            List.of("simple", "complicated"),
            List.of("single", "multiple"),
            List.of("acute", "chronic"),
            List.of("open", "closed"),
            List.of("displaced", "nondisplaced"),
            List.of("right", "left"),
            List.of("unilateral", "bilateral"),
            List.of("benign", "malignant"),
            List.of("upper", "lower"),
            List.of("anterior", "posterior"),
            List.of("new", "established"),
            List.of("partial", "complete"),
            List.of("superficial", "deep"),
            List.of("intractable", "nonintractable"),
            List.of("personal", "family"),
            List.of("poisoning", "adverse"),
            List.of("poisoning", "underdosing"),
            List.of("adverse", "underdosing"),
            // how HCPCS titles tell a supply's siblings apart: mode, power, material, fabrication, lens vision
            List.of("stationary", "portable"),
            List.of("manual", "electric"),
            List.of("wood", "aluminum"),
            List.of("prefabricated", "custom"),
            List.of("bifocal", "trifocal"),
            List.of("single", "bifocal"),
            List.of("single", "trifocal"));

    private static final Pattern NONESSENTIAL = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");

    private static final Analyzer ANALYZER = new CodeTextAnalyzer();

    /** {@link #OPPOSITES} as analyzed words: each word and the words that contradict it. */
    private static final Map<String, Set<String>> OPPOSITE_OF = new HashMap<>();

    static {
        for (List<String> pair : OPPOSITES) {
            String a = analyze(pair.get(0)).getFirst();
            String b = analyze(pair.get(1)).getFirst();
            OPPOSITE_OF.computeIfAbsent(a, k -> new java.util.HashSet<>()).add(b);
            OPPOSITE_OF.computeIfAbsent(b, k -> new java.util.HashSet<>()).add(a);
        }
    }

    /**
     * A note that says screening ("hep C screen", "lipid screening", "DEXA screening for osteoporosis") states why
     * the patient came, not a disease: screening is testing seemingly well people, and the screening code is
     * first-listed; a condition found by it is coded only once the note says so (ICD-10-CM guidelines I.C.21.c.5).
     * So while one of the best hits is an encounter for screening, a disease ({@link #isDisease}) or an abnormal
     * finding (chapter R: "elevated PSA" for "PSA screening") ranks {@link SearchWeights#SCREENED_NOT_FOUND} lower,
     * unless the note says a finding ({@link #FOUND}).
     */
    static final String SCREENING = analyze("screening").getFirst();

    /**
     * The stemmed word of the ICD-10-CM occupational exposures ("Occupational exposure to environmental tobacco
     * smoke", Z57): an exposure is occupational only when the note says work; otherwise it is the household or other
     * contact (Z77), so such a title contradicts a note that does not say so. ICD-10-CM only: a CPT title's
     * "Occupational therapy" is a service, not a circumstance.
     */
    static final String OCCUPATIONAL = analyze("occupational").getFirst();

    /** Stemmed words by which a note says that a screening found something ("chlamydia screen positive"). */
    static final Set<String> FOUND = Set.copyOf(analyze(
            "positive abnormal found finds showed shows revealed detected confirmed diagnosed reactive elevated"));

    /**
     * What the query says and what it negates, in analyzed (stemmed) words; {@code slots}: the words of each
     * query word that is said (the word and its expansions), to count which of them a title covers.
     */
    record Said(Set<String> said, Set<String> denied, List<Set<String>> slots, Set<String> written) {
        /** {@code written}: the words the query itself writes, without the expansions of its note words. */
        Said(Set<String> said, Set<String> denied, List<Set<String>> slots) {
            this(said, denied, slots, said);
        }
    }

    /**
     * One hit as the fit sees it; {@code unspecified}: its title says "unspecified" or "NOS" (the family's code for a
     * note that documents no more).
     */
    record Candidate(String family, Set<String> qualifiers, Set<String> negated, boolean unspecified) {
        Candidate(String family, Set<String> qualifiers, Set<String> negated) {
            this(family, qualifiers, negated, false);
        }
    }

    /**
     * A title that is its family's unspecified code: "..., unspecified", "Pain in unspecified hip", "... NOS". Not a
     * title that begins with it or goes on after it ("Unspecified acute conjunctivitis, bilateral", "Otitis media,
     * unspecified, left ear": the type unspecified, its side stated) nor the 7th character "not applicable or
     * unspecified" (the single fetus of a pregnancy's codes).
     */
    private static final Pattern UNSPECIFIED_TITLE =
            Pattern.compile("(?<!^)(?<!applicable or )\\b(?:unspecified|nos)\\b(?!,)");

    private TitleFit() {}

    /**
     * The family of a code: an ICD-10-CM category (3 characters), the first 4 characters of a CPT or HCPCS
     * code (its range of kindred services).
     */
    static String family(CodeSystem system, String compactCode) {
        int length = system == CodeSystem.ICD10CM ? 3 : 4;
        return system.name() + ":" + compactCode.substring(0, Math.min(length, compactCode.length()));
    }

    /** Index-time form of a title: "family|qualifiers|negated words", words space-separated. */
    static String encode(String family, String title) {
        String text = NONESSENTIAL.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ");
        StringBuilder positive = new StringBuilder();
        StringBuilder negative = new StringBuilder();
        for (String clause : CLAUSE.split(text)) {
            String c = clause.strip();
            // "other than wood" (HCPCS: "Crutches, underarm, other than wood, ...") says what the item is not
            if (c.startsWith("without ") || c.startsWith("not ") || c.startsWith("other than ")) {
                String object = c.substring(c.startsWith("other than ") ? "other than ".length() : c.indexOf(' ') + 1);
                java.util.regex.Matcher end = NEGATION_ENDS.matcher(object);
                if (end.find()) {
                    positive.append(' ').append(object.substring(end.start()));
                    object = object.substring(0, end.start());
                }
                negative.append(' ').append(object);
            } else {
                positive.append(' ').append(c);
            }
        }
        Set<String> qualifiers = new LinkedHashSet<>(analyze(positive.toString()));
        qualifiers.removeAll(NEUTRAL);
        Set<String> negated = new LinkedHashSet<>(analyze(negative.toString()));
        negated.removeAll(NEUTRAL);
        boolean unspecified =
                UNSPECIFIED_TITLE.matcher(title.toLowerCase(Locale.ROOT)).find();
        return family + "|" + String.join(" ", qualifiers) + "|" + String.join(" ", negated)
                + (unspecified ? "|u" : "");
    }

    static Candidate decode(String encoded) {
        String[] parts = encoded.split("\\|", -1);
        return new Candidate(parts[0], words(parts[1]), words(parts[2]), parts.length > 3 && parts[3].equals("u"));
    }

    private static Set<String> words(String spaced) {
        return spaced.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(spaced.split(" ")));
    }

    /** The extras of a candidate: qualifiers the query does not say. */
    static int extras(Candidate c, Said query) {
        int n = 0;
        for (String q : c.qualifiers()) {
            if (!query.said().contains(q) && !DEFAULT_DRUG_COLUMN.contains(q)) {
                n++;
            }
        }
        return n;
    }

    /** Words the query says that the title negates, and words the query negates that the title says. */
    static int contradictions(Candidate c, Said query) {
        int n = 0;
        for (String w : c.negated()) {
            if (query.said().contains(w) && !c.qualifiers().contains(w)) {
                n++;
            }
        }
        for (String w : c.qualifiers()) {
            if (query.denied().contains(w)) {
                n++;
            }
            // an intent the note does not state: the default is accidental; a history or behavior it does not
            // state: the condition itself
            if ((STATED_INTENT.contains(w) || STATED_ONLY.contains(w))
                    && !query.said().contains(w)) {
                n++;
            }
            if (w.equals(OCCUPATIONAL)
                    && !query.said().contains(w)
                    && c.family().startsWith(ICD10CM_FAMILY)) {
                n++;
            }
            // the title says the opposite of what the query says, and not the query's word itself
            for (String opposite : OPPOSITE_OF.getOrDefault(w, Set.of())) {
                if (query.said().contains(opposite)
                        && !query.said().contains(w)
                        && !c.qualifiers().contains(opposite)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** How many of the query's said words the title names (itself or an expansion). */
    static int covered(Candidate c, Said query) {
        return coveredSlots(c, query).cardinality();
    }

    /** Which of the query's said words (slots) the title names. */
    static BitSet coveredSlots(Candidate c, Said query) {
        BitSet covered = new BitSet();
        for (int i = 0; i < query.slots().size(); i++) {
            for (String w : query.slots().get(i)) {
                if (c.qualifiers().contains(w)) {
                    covered.set(i);
                    break;
                }
            }
        }
        return covered;
    }

    /** A sign or symptom: ICD-10-CM chapter R. */
    private static boolean isSymptom(Candidate c) {
        return c.family().startsWith(SYMPTOM_FAMILY);
    }

    private static final String ICD10CM_FAMILY = CodeSystem.ICD10CM.name() + ":";

    private static final String SYMPTOM_FAMILY = ICD10CM_FAMILY + "R";

    /** A disease of ICD-10-CM chapters 1–17 (A00–Q99): a diagnosis that can explain a sign or symptom. */
    private static boolean isDisease(Candidate c) {
        String family = c.family();
        if (!family.startsWith(ICD10CM_FAMILY) || family.length() <= ICD10CM_FAMILY.length()) {
            return false;
        }
        char chapter = family.charAt(ICD10CM_FAMILY.length());
        return chapter >= 'A' && chapter <= 'Q';
    }

    /**
     * Whether a sign or symptom is explained by a disease among the candidates: one that names a word of the query
     * the symptom's title does not, and more of the query's words (one incidental word a disease's title happens to
     * hold, "passive" of "passive SI", does not explain the symptom).
     */
    static boolean explainedByADisease(int symptom, List<Candidate> candidates, List<BitSet> covered) {
        BitSet mine = covered.get(symptom);
        for (int j = 0; j < candidates.size(); j++) {
            BitSet theirs = covered.get(j);
            if (j != symptom
                    && isDisease(candidates.get(j))
                    && theirs.cardinality() > mine.cardinality()
                    && namesAWordNotIn(theirs, mine)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code theirs} holds a slot {@code mine} does not. */
    private static boolean namesAWordNotIn(BitSet theirs, BitSet mine) {
        for (int slot = theirs.nextSetBit(0); slot >= 0; slot = theirs.nextSetBit(slot + 1)) {
            if (!mine.get(slot)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The score change of each candidate (same order): minus {@link SearchWeights#EXTRA_QUALIFIER} per
     * extra beyond the fewest of its family among the candidates, minus {@link SearchWeights#CONTRADICTION}
     * per contradiction.
     */
    static float[] adjustments(List<Candidate> candidates, Said query) {
        int[] extras = new int[candidates.size()];
        int[] covered = new int[candidates.size()];
        List<BitSet> coveredSlots = new ArrayList<>(candidates.size());
        Map<String, Integer> fewest = new HashMap<>();
        Map<String, Integer> most = new HashMap<>();
        for (int i = 0; i < extras.length; i++) {
            extras[i] = extras(candidates.get(i), query);
            coveredSlots.add(coveredSlots(candidates.get(i), query));
            covered[i] = coveredSlots.get(i).cardinality();
            fewest.merge(candidates.get(i).family(), extras[i], Math::min);
            most.merge(candidates.get(i).family(), covered[i], Math::max);
        }
        float[] change = new float[extras.length];
        for (int i = 0; i < extras.length; i++) {
            Candidate c = candidates.get(i);
            change[i] = -SearchWeights.EXTRA_QUALIFIER * (extras[i] - fewest.get(c.family()))
                    - SearchWeights.UNSAID_BY_TITLE * (most.get(c.family()) - covered[i])
                    - SearchWeights.CONTRADICTION * contradictions(c, query);
            if (unstatedPlace(c, query)) {
                change[i] -= SearchWeights.UNSTATED_PLACE;
            }
            if (unspecifiedWhileASiblingNamesMore(c, covered[i], most.get(c.family()))) {
                change[i] -= SearchWeights.UNSPECIFIED_WHEN_SAID;
            }
            if (isSymptom(c) && explainedByADisease(i, candidates, coveredSlots)) {
                change[i] -= SearchWeights.SYMPTOM_OF_NAMED_DISEASE;
            }
        }
        if (screensWithoutAFinding(candidates, query)) {
            for (int i = 0; i < extras.length; i++) {
                if (isDisease(candidates.get(i)) || isSymptom(candidates.get(i))) {
                    change[i] -= SearchWeights.SCREENED_NOT_FOUND;
                }
            }
        }
        return change;
    }

    /**
     * Whether the query says screening and no finding ({@link #SCREENING}, {@link #FOUND}) while one of the
     * candidates is an encounter for screening (its title says so).
     */
    static boolean screensWithoutAFinding(List<Candidate> candidates, Said query) {
        // the note's own words: an expansion ("annual visit" → "... without abnormal findings") states no finding
        if (!query.written().contains(SCREENING) || query.written().stream().anyMatch(FOUND::contains)) {
            return false;
        }
        for (Candidate c : candidates) {
            if (!isDisease(c) && !isSymptom(c) && c.qualifiers().contains(SCREENING)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An unspecified code is for a note that documents no more than it names: "Codes titled 'unspecified' are for use
     * when the information in the medical record is insufficient to assign a more specific code" (ICD-10-CM
     * guidelines I.A.9 and I.B.18; CPT and HCPCS "NOS" / "not otherwise specified" codes likewise). So while a
     * sibling of its family among the best hits names more of the note's words ("sepsis from group A strep" against
     * "Streptococcal sepsis, unspecified"), the unspecified title loses {@link SearchWeights#UNSPECIFIED_WHEN_SAID}
     * on top of {@link SearchWeights#UNSAID_BY_TITLE}: the note said what makes it specific.
     */
    static boolean unspecifiedWhileASiblingNamesMore(Candidate c, int covered, int mostOfFamily) {
        return c.unspecified() && covered < mostOfFamily;
    }

    /** Whether the title begins with a place of service ({@link #PLACE_OF_SERVICE}) the query does not say. */
    static boolean unstatedPlace(Candidate c, Said query) {
        if (c.qualifiers().isEmpty()) {
            return false;
        }
        String first = c.qualifiers().iterator().next();
        return PLACE_OF_SERVICE.contains(first) && !query.said().contains(first);
    }

    static List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream(CodeIndexFields.TITLE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
