package org.chart2claim.codebook.search;

import static org.chart2claim.codebook.search.CodeIndexFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.Synonym;

/**
 * Turns whatever a user typed into a Lucene query, built programmatically (no query parser), so quotes,
 * {@code *}, {@code AND OR}, huge or exotic input can never cause a syntax error.
 *
 * <p>Matching: a code-looking query matches the code exactly (highest) or as a prefix, ignoring case and
 * dots ({@code e119}, {@code E11.9}, {@code E11.}); each query word is a {@link Slot} whose alternatives
 * (the word, its abbreviation and note-word expansions) must mostly occur in the code's title, inclusion
 * terms, index terms or synonyms, exactly (stemmed) or as a spelling correction; rank-only words
 * (numbers, dose units, laterality, encounter, words in no title) never keep a code out. Synonyms pin
 * their codes.
 *
 * <p>Every weight and matching rule, and the ranking boosts, are listed in {@link SearchWeights}.
 */
public final class CodeQueryBuilder {

    /** Longer input is cut: nobody types more, and it bounds the query size. */
    static final int MAX_QUERY_CHARS = 200;

    static final int MAX_TOKENS = 16;

    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z][0-9][0-9A-Z]{0,5}|[0-9]{3,5}[0-9A-Z]?");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");

    private final Analyzer analyzer;
    /**
     * Synonyms by the first word of their term: a query is only tested against the synonyms whose first
     * word it contains (testing all of them with a regular expression cost more than the search).
     */
    private final java.util.Map<String, List<CompiledSynonym>> synonymsByFirstWord = new java.util.HashMap<>();
    /** Synonyms whose term has no word at all: tested against every query. */
    private final List<CompiledSynonym> synonymsWithoutWords = new ArrayList<>();
    /**
     * The expansions of the one-word note words and synonyms by their analyzed word: another form of a note
     * word ("flares"), or a misspelled one once corrected ("uncontroled"), keeps its expansions.
     */
    private final java.util.Map<String, List<Tokens>> oneWordExpansions = new java.util.HashMap<>();
    /** Note words that are stop words ("no" → "without"), replaced in the query text before analysis. */
    private final List<java.util.Map.Entry<Pattern, String>> stopWordRewrites = new ArrayList<>();

    private static final Pattern FILLER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?:pt|patient)\\s+)?(?:" + String.join("|", SearchWeights.FILLER)
                    + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /** A patient's age ({@link SearchWeights#AGE}), as whole words. */
    private static final Pattern AGE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(?:" + SearchWeights.AGE + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A note that already names the newborn ({@link #isNewbornAge}). */
    private static final Pattern NEWBORN_WORD =
            Pattern.compile("\\b(?:newborn|neonat\\w*|nb)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern AGE_IN_DAYS = Pattern.compile("(?i)\\d\\s*-?\\s*days?\\b");

    private static final Pattern AGE_IN_WEEKS = Pattern.compile("(?i)(\\d+)\\s*-?\\s*(?:weeks?|wks?)\\b");

    /**
     * Whether an age ({@link SearchWeights#AGE}) is in the newborn (perinatal) period, the first 28 days of life
     * (ICD-10-CM guidelines I.C.16): "3 day old", "2 wk old".
     */
    static boolean isNewbornAge(String age) {
        if (AGE_IN_DAYS.matcher(age).find()) {
            return true;
        }
        java.util.regex.Matcher weeks = AGE_IN_WEEKS.matcher(age);
        return weeks.find() && Integer.parseInt(weeks.group(1)) <= SearchWeights.NEWBORN_WEEKS;
    }

    private static final Pattern AGE_IN_MONTHS = Pattern.compile("(?i)\\d\\s*-?\\s*(?:months?|mos?)\\b");

    /**
     * An age as the number the titles count it in: the newborn examinations count days ("8 to 28 days old"), every
     * other age-chosen code years ("age under 1 year", "age 1 through 4 years", "65 years and older"). So "2 wk old"
     * is 14 (days), "6 mo old" and "8 wk old" are 0 (years), "18 mo" is 1; days and years stay as written. The number
     * only ranks ({@link NumberRanges}): "WCC 6 mo old" finds the preventive visit under 1 year, not 5 through 11.
     */
    static String ageInTitleUnits(String age, String number) {
        double n;
        try {
            n = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return number;
        }
        if (AGE_IN_WEEKS.matcher(age).find()) {
            return isNewbornAge(age) ? String.valueOf((int) (n * 7)) : String.valueOf((int) (n * 7 / 365));
        }
        if (AGE_IN_MONTHS.matcher(age).find()) {
            return String.valueOf((int) (n / 12));
        }
        return number;
    }

    /** A note that says a drug is taken over time ("on warfarin", "chronic prednisone", "metformin bid"). */
    private static final Pattern LONG_TERM_USE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + String.join("|", SearchWeights.LONG_TERM_USE_WORDS) + ")(?![\\p{L}\\p{N}])");

    /** The title words of the long-term (current) use codes (Z79), analyzed once. */
    private final Tokens longTermUseTitle;

    /**
     * A negation and what it negates, up to the next punctuation ("no radiation to legs" after the "no" →
     * "without" rewrite, "w/o aura", "denies chest pain"): findings that are absent only rank.
     */
    private static final Pattern NEGATED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + String.join("|", SearchWeights.NEGATIONS) + ")(?![\\p{L}\\p{N}])([^,;.:]*)");

    private record CompiledSynonym(
            Pattern pattern, List<String> termTokens, List<Tokens> expansions, List<String> codeKeys) {}

    /** Analyzed words with their positions (gaps where stop words were removed, so phrases still match). */
    record Tokens(List<String> terms, List<Integer> positions) {
        boolean isEmpty() {
            return terms.isEmpty();
        }

        int size() {
            return terms.size();
        }
    }

    private final java.util.function.UnaryOperator<String> corrector;
    /** {@link SearchWeights#BODY_SITES}, analyzed. */
    private final java.util.Set<String> siteWords = new java.util.HashSet<>();
    /** {@link SearchWeights#DOSE_FREQUENCY}, analyzed. */
    private final java.util.Set<String> doseFrequencyWords = new java.util.HashSet<>();
    /** {@link SearchWeights#LATER_ENCOUNTER}, analyzed. */
    private final java.util.Set<String> laterEncounterWords = new java.util.HashSet<>();

    private final CodersDefaults codersDefaults;
    private final java.util.function.Predicate<String> knownWord;
    private final java.util.function.Predicate<String> knownAcronym;

    public CodeQueryBuilder(Analyzer analyzer, List<Synonym> synonymList) {
        this(
                analyzer,
                synonymList,
                java.util.function.UnaryOperator.identity(),
                word -> false,
                word -> false,
                new CodersDefaults());
    }

    /**
     * @param corrector replaces an analyzed query word the index does not know by a known one
     *                  (spelling correction), or returns it unchanged
     * @param knownWord whether the index contains a word; unknown words that could not be corrected
     *                  are matched fuzzily (costly, so only for them)
     * @param knownAcronym whether a word is the acronym of some title ({@link Acronyms})
     * @param codersDefaults the coder's-defaults marks of the searched index's codes
     */
    CodeQueryBuilder(
            Analyzer analyzer,
            List<Synonym> synonymList,
            java.util.function.UnaryOperator<String> corrector,
            java.util.function.Predicate<String> knownWord,
            java.util.function.Predicate<String> knownAcronym,
            CodersDefaults codersDefaults) {
        this.analyzer = analyzer;
        this.codersDefaults = codersDefaults;
        this.corrector = corrector;
        this.knownWord = knownWord;
        this.knownAcronym = knownAcronym;
        SearchWeights.BODY_SITES.forEach(site -> siteWords.addAll(tokens(site)));
        this.longTermUseTitle = analyze(SearchWeights.LONG_TERM_USE_TITLE);
        SearchWeights.LATER_ENCOUNTER.forEach(word -> laterEncounterWords.addAll(tokens(word)));
        SearchWeights.DOSE_FREQUENCY.forEach(word -> doseFrequencyWords.addAll(tokens(word)));
        for (Synonym s : synonymList) {
            Pattern p = Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(s.term().toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
            List<Tokens> expansions = s.expansions().stream()
                    .map(this::analyze)
                    .filter(t -> !t.isEmpty())
                    .toList();
            List<String> keys = s.codes().stream()
                    .map(c -> CodeFormat.compact(CodeSystem.ICD10CM, c))
                    .toList();
            CompiledSynonym compiled = new CompiledSynonym(p, tokens(s.term()), expansions, keys);
            if (compiled.termTokens().isEmpty() && keys.isEmpty() && !expansions.isEmpty()) {
                // a note word the analyzer drops as a stop word ("no"): replaced in the text instead
                stopWordRewrites.add(java.util.Map.entry(p, s.expansions().getFirst()));
                continue;
            }
            if (compiled.termTokens().size() == 1) {
                oneWordExpansions
                        .computeIfAbsent(compiled.termTokens().getFirst(), w -> new ArrayList<>())
                        .addAll(expansions);
            }
            List<String> words = words(s.term().toLowerCase(Locale.ROOT));
            if (words.isEmpty()) {
                synonymsWithoutWords.add(compiled);
            } else {
                synonymsByFirstWord
                        .computeIfAbsent(words.getFirst(), w -> new ArrayList<>())
                        .add(compiled);
            }
        }
    }

    private static List<String> words(String lower) {
        return java.util.Arrays.stream(NON_WORD.split(lower))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** The synonyms whose term occurs in the (lower-cased) query as whole words, in a stable order. */
    private List<CompiledSynonym> matchingSynonyms(String lower) {
        LinkedHashSet<CompiledSynonym> candidates = new LinkedHashSet<>(synonymsWithoutWords);
        for (String word : words(lower)) {
            candidates.addAll(synonymsByFirstWord.getOrDefault(word, List.of()));
        }
        return candidates.stream()
                .filter(s -> s.pattern().matcher(lower).find())
                .toList();
    }

    /** Cuts, strips control characters and trims the raw input. */
    static String sanitize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.length() > MAX_QUERY_CHARS * 4 ? raw.substring(0, MAX_QUERY_CHARS * 4) : raw;
        s = CONTROL.matcher(s).replaceAll(" ").strip();
        if (s.length() > MAX_QUERY_CHARS) {
            s = s.substring(0, MAX_QUERY_CHARS);
        }
        return s;
    }

    /** Analyzed tokens of a text (stemmed, stop words removed), at most {@link #MAX_TOKENS}. */
    List<String> tokens(String text) {
        return analyze(text).terms();
    }

    Tokens analyze(String text) {
        List<String> out = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TITLE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken() && out.size() < MAX_TOKENS) {
                position += increment.getPositionIncrement();
                out.add(term.toString());
                positions.add(position);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(out, positions);
    }

    /** What a query word (or a mapped note phrase) does in the query. */
    enum Role {
        /** Decides which codes match (with the share rule of {@link SearchWeights#requiredWords}). */
        REQUIRED,
        /** Only ranks: laterality, encounter, words in no title. */
        RANK_ONLY,
        /** Numbers and dose units: rank, and match only when the query has nothing else. */
        NUMBER
    }

    /**
     * One query word, or several that a note phrase maps as a whole ("initial visit"), with the
     * alternatives that count as that word: itself, its abbreviation and note-word expansions.
     */
    record Slot(List<Tokens> alternatives, Role role, boolean fuzzy, boolean acronym) {
        String word() {
            return alternatives.getFirst().terms().getFirst();
        }

        boolean anyAlternativeWithin(java.util.Set<String> words) {
            return alternatives.stream().anyMatch(a -> words.containsAll(a.terms()));
        }

        /** A body site as typed ("forearm", "thigh"): where, not what ({@link SearchWeights#BODY_SITES}). */
        boolean isSite(java.util.Set<String> siteWords) {
            List<String> typed = alternatives.getFirst().terms();
            return typed.size() == 1 && siteWords.contains(typed.getFirst());
        }
    }

    /**
     * The query for {@code raw}, optionally restricted to one system and to billable codes. Returns a
     * match-nothing query for blank input. Every weight comes from {@link SearchWeights}.
     */
    public Query build(String raw, CodeSystem system, boolean billableOnly) {
        return build(raw, system, billableOnly, false);
    }

    /**
     * @param relaxed require only a third of the words (at least one) ({@link SearchWeights#relaxedWords}):
     *                the second try of a search whose first found too few codes
     */
    public Query build(String raw, CodeSystem system, boolean billableOnly, boolean relaxed) {
        return plan(raw, system, billableOnly, relaxed).query();
    }

    /**
     * A query and what it says for the sibling choice ({@link TitleFit}); {@code said} is null for a code
     * lookup or a query that finds nothing (no sibling choice then). {@code retry} gives the query of a later
     * try ({@link Share}), built from the same words and clauses, only when needed; {@code deciding} is how
     * many slots decide which codes match (0: none, every try is the same query).
     */
    record Plan(Query query, TitleFit.Said said, java.util.function.Function<Share, Query> retry, int deciding) {
        Plan(Query query, TitleFit.Said said) {
            this(query, said, share -> query, 0);
        }

        /** The second try's query (the first's when this plan is a later try). */
        Query relaxed() {
            return retry.apply(Share.QUARTER);
        }

        /**
         * Whether a try asks for fewer words than the one before it; when not, it is the same query and finds
         * the same codes, so it need not run.
         */
        boolean asksFewerWords(Share share) {
            int quarter = SearchWeights.relaxedWords(deciding);
            return switch (share) {
                case STRICT -> true;
                case QUARTER -> quarter < SearchWeights.requiredWords(deciding);
                case ANY -> quarter > 1;
            };
        }
    }

    /**
     * Each slot's score and match clauses, built once for both tries: the second try shares them, so a
     * misspelt word's fuzzy expansion ({@link RewrittenOnce}) is found once.
     */
    private record SlotClauses(
            Map<Slot, Query> score, Map<Slot, Query> match, Map<Slot, OneAutomatonFuzzyQuery.Automaton> automata) {
        SlotClauses() {
            this(
                    new java.util.IdentityHashMap<>(),
                    new java.util.IdentityHashMap<>(),
                    new java.util.IdentityHashMap<>());
        }

        Query scoreOf(Slot slot) {
            return score.computeIfAbsent(slot, s -> scoreClause(s, automatonOf(s)));
        }

        Query matchOf(Slot slot) {
            return match.computeIfAbsent(slot, s -> matchClause(s, automatonOf(s)));
        }

        /** A misspelt word's automata, built once for its fuzzy queries on every field. */
        private OneAutomatonFuzzyQuery.Automaton automatonOf(Slot slot) {
            return automata.computeIfAbsent(slot, s -> new OneAutomatonFuzzyQuery.Automaton());
        }
    }

    Plan plan(String raw, CodeSystem system, boolean billableOnly, boolean relaxed) {
        return plan(raw, system, billableOnly, relaxed ? Share.QUARTER : Share.STRICT);
    }

    /** How many of the query's words a code must hold: the three tries of a search. */
    enum Share {
        /** {@link SearchWeights#requiredWords}. */
        STRICT,
        /** {@link SearchWeights#relaxedWords}: when the strict try found too few codes. */
        QUARTER,
        /** Any one word: when the quarter found too few too (long notes of documentation words). */
        ANY
    }

    Plan plan(String raw, CodeSystem system, boolean billableOnly, Share share) {
        String text = sanitize(raw);
        if (text.isEmpty()) {
            return new Plan(new MatchNoDocsQuery("empty query"), null);
        }
        BooleanQuery.Builder core = new BooleanQuery.Builder();
        BooleanQuery.Builder boosts = new BooleanQuery.Builder();
        boolean codeLike = addCodeLookup(core, text);
        // words typed in capitals ("AOM") are acronyms: never "corrected" into a word that looks alike
        java.util.Set<String> acronyms = new java.util.HashSet<>();
        Acronyms.typed(text).forEach(a -> acronyms.addAll(tokens(a)));
        // "pt c/o", "presents with": how a note introduces a finding, not part of it
        text = FILLER.matcher(text).replaceAll(" ");
        // "3 yo", "6 wk old": who the patient is, not what the patient has
        // (a patient days old is a newborn, and the note's "newborn" chooses the perinatal codes)
        boolean saysNewborn = NEWBORN_WORD.matcher(text).find();
        text = AGE.matcher(text)
                .replaceAll(age -> " " + ageInTitleUnits(age.group(), age.group(1))
                        + (!saysNewborn && isNewbornAge(age.group()) ? " newborn " : " "));
        text = rewriteStopWords(text);
        // "28 wks" of a pregnancy is the third trimester, which the obstetric titles name (rank-only)
        String trimester = GestationalAge.trimesterWords(text);
        if (!trimester.isEmpty()) {
            text = text + ", " + trimester;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Tokens asTyped = analyze(text);
        Tokens analyzed = new Tokens(
                asTyped.terms().stream()
                        .map(t -> acronyms.contains(t) ? t : corrector.apply(t))
                        .toList(),
                asTyped.positions());
        List<CompiledSynonym> matched = matchingSynonyms(lower);
        java.util.Set<String> negated = negatedWords(lower);
        // a negated finding ("no anaphylaxis") pins nothing
        boolean synonyms = addSynonymPins(
                core,
                matched.stream()
                        .filter(s -> s.termTokens().isEmpty() || !negated.containsAll(s.termTokens()))
                        .toList(),
                // what the note says is absent does not dilute what it says ("PE, no RV strain on CTA")
                (int) analyzed.terms().stream()
                        .filter(t -> !negated.contains(t))
                        .count());
        List<Slot> slots = slots(asTyped, analyzed, matched, negated, acronyms);
        List<BooleanClause> pins = core.build().clauses();
        // the codes a synonym of the query names count as holding the query's words: they score like them
        List<String> pinned = matched.stream()
                .filter(s -> s.termTokens().isEmpty() || !negated.containsAll(s.termTokens()))
                .flatMap(s -> s.codeKeys().stream())
                .distinct()
                .toList();
        SlotClauses clauses = new SlotClauses();
        int deciding = addWordMatches(core, boosts, slots, share, clauses, siteWords, pinned);
        if (!codeLike && !synonyms && deciding < 0) {
            return new Plan(new MatchNoDocsQuery("nothing searchable in the query"), null);
        }
        if (!analyzed.isEmpty()) {
            addPhraseBoosts(boosts, analyzed, slots);
        }
        if (!codeLike) {
            // a code or code prefix lists in book order; preferring billable codes would scramble it
            addCodersDefaults(boosts, slots);
            if (LONG_TERM_USE.matcher(lower).find()) {
                // a drug the patient is on: the long-term (current) use code, among the codes its words match
                boosts.add(constantPhrase(TITLE, longTermUseTitle, 0, SearchWeights.LONG_TERM_USE), Occur.SHOULD);
            }
        }
        Query boostQuery = boosts.build();
        Query query = whole(core.build(), boostQuery, system, billableOnly);
        TitleFit.Said said = codeLike ? null : said(slots, matched, negated);
        if (share != Share.STRICT) {
            return new Plan(query, said, later -> query, Math.max(0, deciding));
        }
        return new Plan(
                query,
                said,
                later -> {
                    if (later == Share.STRICT) {
                        return query;
                    }
                    BooleanQuery.Builder laterCore = new BooleanQuery.Builder();
                    pins.forEach(laterCore::add);
                    addWordMatches(laterCore, null, slots, later, clauses, siteWords, pinned);
                    return whole(laterCore.build(), boostQuery, system, billableOnly);
                },
                Math.max(0, deciding));
    }

    private static Query whole(Query core, Query boosts, CodeSystem system, boolean billableOnly) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(core, Occur.MUST);
        query.add(boosts, Occur.SHOULD);
        if (system != null) {
            query.add(new TermQuery(new Term(SYSTEM, system.name())), Occur.FILTER);
        }
        if (billableOnly) {
            query.add(new TermQuery(new Term(BILLABLE, "true")), Occur.FILTER);
        }
        return query.build();
    }

    /**
     * Every word the query says (each slot's alternatives, the expansions of matched synonyms) and the words
     * it negates, for {@link TitleFit}.
     */
    private static TitleFit.Said said(List<Slot> slots, List<CompiledSynonym> matched, java.util.Set<String> negated) {
        java.util.Set<String> said = new java.util.HashSet<>();
        java.util.Set<String> denied = new java.util.HashSet<>();
        List<java.util.Set<String>> saidSlots = new ArrayList<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Slot slot : slots) {
            boolean isNegated =
                    negated.containsAll(slot.alternatives().getFirst().terms());
            if (!isNegated) {
                written.addAll(slot.alternatives().getFirst().terms());
            }
            java.util.Set<String> words = new java.util.HashSet<>();
            for (Tokens alternative : slot.alternatives()) {
                words.addAll(alternative.terms());
            }
            (isNegated ? denied : said).addAll(words);
            if (!isNegated && slot.role() != Role.NUMBER) {
                saidSlots.add(words);
            }
        }
        for (CompiledSynonym s : matched) {
            if (!negated.containsAll(s.termTokens())) {
                s.expansions().forEach(e -> said.addAll(e.terms()));
            }
        }
        return new TitleFit.Said(said, denied, saidSlots, written);
    }

    /** The analyzed words that follow a negation ({@link SearchWeights#NEGATIONS}) up to punctuation. */
    private java.util.Set<String> negatedWords(String lower) {
        java.util.Set<String> negated = new java.util.HashSet<>();
        java.util.regex.Matcher m = NEGATED.matcher(lower);
        while (m.find()) {
            negated.addAll(tokens(m.group(1)));
        }
        return negated;
    }

    private String rewriteStopWords(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (java.util.Map.Entry<Pattern, String> rewrite : stopWordRewrites) {
            lower = rewrite.getKey()
                    .matcher(lower)
                    .replaceAll(java.util.regex.Matcher.quoteReplacement(rewrite.getValue()));
        }
        return lower;
    }

    /** A code-looking query matches the code exactly or as a prefix, ignoring case and dots. */
    private static boolean addCodeLookup(BooleanQuery.Builder core, String text) {
        String compact = CodeFormat.compact(CodeSystem.ICD10CM, text);
        boolean codeLike = compact.length() >= 2
                && CODE_LIKE.matcher(compact).matches()
                && text.replaceAll("[\\s.\\-]", "").length() == compact.length();
        if (codeLike) {
            core.add(constant(CODE_KEY, compact, SearchWeights.EXACT_CODE), Occur.SHOULD);
            core.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new PrefixQuery(new Term(CODE_KEY, compact))),
                            SearchWeights.CODE_PREFIX),
                    Occur.SHOULD);
        }
        return codeLike;
    }

    /**
     * Synonyms pinned to codes: one that is the whole query pins its codes to the top; one that covers
     * part of the query only nudges them, so "right knee pain" still prefers the right-knee code.
     */
    private static boolean addSynonymPins(BooleanQuery.Builder core, List<CompiledSynonym> matched, int words) {
        boolean added = false;
        for (CompiledSynonym s : matched) {
            float coverage = words == 0 ? 1f : Math.min(1f, s.termTokens().size() / (float) words);
            float pin = coverage >= 1f ? SearchWeights.SYNONYM_PIN_WHOLE : SearchWeights.SYNONYM_PIN_PART * coverage;
            for (String key : s.codeKeys()) {
                core.add(constant(CODE_KEY, key, pin), Occur.SHOULD);
                added = true;
            }
            if (s.termTokens().size() >= 2 && !s.codeKeys().isEmpty()) {
                // its words are slots of their own ("high blood pressure"): the expansion ("hypertension")
                // must be able to match on its own; one-word and note phrases are slot alternatives
                for (Tokens expansion : s.expansions()) {
                    core.add(
                            new BoostQuery(phrase(TITLE, expansion, 1), SearchWeights.SYNONYM_EXPANSION_PHRASE),
                            Occur.SHOULD);
                    added = true;
                }
            }
        }
        return added;
    }

    /**
     * The query's words as slots: a note phrase without codes that occurs in the query ("initial visit",
     * "hx of") becomes one slot whose alternatives are its expansions; every other word is a slot of its
     * own, with its one-word expansions (COPD → its long form, slipped → fall).
     */
    List<Slot> slots(
            Tokens asTyped,
            Tokens analyzed,
            List<CompiledSynonym> matched,
            java.util.Set<String> negated,
            java.util.Set<String> acronyms) {
        List<String> tokens = analyzed.terms();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            // note phrases are found as typed: a spelling correction must not hide "hot flashes"
            CompiledSynonym phrase = phraseAt(asTyped.terms(), i, matched);
            if (phrase != null) {
                int end = i + phrase.termTokens().size();
                LinkedHashSet<Tokens> alternatives = new LinkedHashSet<>();
                alternatives.add(
                        new Tokens(tokens.subList(i, end), analyzed.positions().subList(i, end)));
                alternatives.addAll(phrase.expansions());
                List<Tokens> distinct = List.copyOf(alternatives);
                slots.add(new Slot(distinct, role(distinct, true, negated), false, false));
                i = end;
                continue;
            }
            // an abbreviation the index does not know ("appy") keeps its expansions: look them up as typed
            String typed = asTyped.terms().get(i);
            List<Tokens> expansions = expansionsOf(typed, matched);
            String token = expansions.isEmpty() ? tokens.get(i) : typed;
            if (expansions.isEmpty()) {
                expansions = expansionsOf(token, matched);
            }
            if (expansions.isEmpty()) {
                // another form of a note word ("flares", "uncontroled" → uncontrol), or a misspelled one
                // corrected: its expansions as if typed as listed
                expansions = oneWordExpansions.getOrDefault(token, List.of());
            }
            // the word and its expansions, once each ("right" → right|unilateral lists "right" twice)
            LinkedHashSet<Tokens> distinct = new LinkedHashSet<>();
            distinct.add(new Tokens(List.of(token), List.of(0)));
            distinct.addAll(expansions);
            List<Tokens> alternatives = List.copyOf(distinct);
            // an acronym typed in capitals, or a short word no title has, may be the initials of a title
            // (not when the word's meaning is known: "OSA" is obstructive sleep apnea, not "of smell and")
            boolean acronym = expansions.isEmpty()
                    && (acronyms.contains(token)
                            || (token.length() >= 4 && token.length() <= 5 && !knownWord.test(token)))
                    && knownAcronym.test(token);
            boolean known = knownWord.test(token) || alternatives.size() > 1 || acronym;
            slots.add(new Slot(alternatives, role(alternatives, known, negated), !known && needsFuzzy(token), acronym));
            i++;
        }
        return slots;
    }

    /** The matched note phrase (several words, no codes) that starts at word {@code i}, if any. */
    private static CompiledSynonym phraseAt(List<String> tokens, int i, List<CompiledSynonym> matched) {
        // the longest note phrase that starts here: "pulse ox device" (the oximeter), not "pulse ox" (the test)
        CompiledSynonym longest = null;
        for (CompiledSynonym s : matched) {
            List<String> term = s.termTokens();
            if (term.size() >= 2
                    && s.codeKeys().isEmpty()
                    && i + term.size() <= tokens.size()
                    && tokens.subList(i, i + term.size()).equals(term)
                    && (longest == null || term.size() > longest.termTokens().size())) {
                longest = s;
            }
        }
        return longest;
    }

    private Role role(List<Tokens> alternatives, boolean known, java.util.Set<String> negated) {
        List<String> word = alternatives.getFirst().terms();
        if (word.size() == 1 && (isNumber(word.getFirst()) || SearchWeights.DOSE_UNITS.contains(word.getFirst()))) {
            return Role.NUMBER;
        }
        java.util.Set<String> rankOnly = new java.util.HashSet<>(SearchWeights.LATERALITY);
        rankOnly.addAll(SearchWeights.ENCOUNTER);
        rankOnly.add(SearchWeights.WITHOUT);
        rankOnly.addAll(SearchWeights.CONNECTIVES);
        rankOnly.addAll(SearchWeights.TRIMESTER);
        rankOnly.addAll(doseFrequencyWords);
        boolean qualifier =
                alternatives.stream().anyMatch(a -> rankOnly.containsAll(a.terms())) || negated.containsAll(word);
        return qualifier || !known ? Role.RANK_ONLY : Role.REQUIRED;
    }

    /**
     * Which codes match: the required slots with the share rule; every slot but the numbers also scores.
     * A query of rank-only words requires them; one of numbers only matches on them.
     *
     * @param boosts null when the numbers' boost is already there (a later try)
     * @return how many slots decide which codes match, 0 when the numbers match, -1 without slots
     */
    private static int addWordMatches(
            BooleanQuery.Builder core,
            BooleanQuery.Builder boosts,
            List<Slot> slots,
            Share share,
            SlotClauses clauses,
            java.util.Set<String> siteWords,
            List<String> pinned) {
        if (slots.isEmpty()) {
            return -1;
        }
        boolean anyRequired = slots.stream().anyMatch(s -> s.role() == Role.REQUIRED);
        BooleanQuery.Builder wordMatches = new BooleanQuery.Builder();
        BooleanQuery.Builder wordScores = new BooleanQuery.Builder();
        BooleanQuery.Builder numbers = new BooleanQuery.Builder();
        int required = 0;
        boolean anyNumber = false;
        for (Slot slot : slots) {
            if (slot.role() == Role.NUMBER) {
                numbers.add(clauses.scoreOf(slot), Occur.SHOULD);
                anyNumber = true;
                continue;
            }
            wordScores.add(clauses.scoreOf(slot), Occur.SHOULD);
            if (slot.role() == Role.REQUIRED || !anyRequired) {
                wordMatches.add(clauses.matchOf(slot), Occur.SHOULD);
                required++;
            }
        }
        if (required > 0) {
            // which codes match is decided on the one match field; the per-field scores only rank
            // them (the same sum as matching field by field, at a fraction of the cost)
            wordMatches.setMinimumNumberShouldMatch(
                    switch (share) {
                        case STRICT -> SearchWeights.requiredWords(required);
                        case QUARTER -> SearchWeights.relaxedWords(required);
                        case ANY -> 1;
                    });
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            Query matches = wordMatches.build();
            if (!pinned.isEmpty()) {
                BooleanQuery.Builder matchesOrPinned = new BooleanQuery.Builder();
                matchesOrPinned.add(matches, Occur.SHOULD);
                pinned.forEach(key -> matchesOrPinned.add(new TermQuery(new Term(CODE_KEY, key)), Occur.SHOULD));
                matches = matchesOrPinned.build();
            }
            words.add(matches, Occur.FILTER);
            words.add(wordScores.build(), Occur.SHOULD);
            if (share != Share.STRICT) {
                addConditionFirst(words, slots, clauses, siteWords);
            }
            core.add(words.build(), Occur.SHOULD);
            if (anyNumber && boosts != null) {
                boosts.add(new BoostQuery(numbers.build(), SearchWeights.NUMBERS), Occur.SHOULD);
            }
        } else {
            core.add(numbers.build(), Occur.SHOULD);
        }
        return required;
    }

    /**
     * The condition before the site: a try that requires only some of the words keeps out the codes that match
     * a body site of the query and none of its other words ("eczema on both forearms" must not fill up with
     * "congenital absence of forearm"), when the query names something besides sites.
     */
    private static void addConditionFirst(
            BooleanQuery.Builder words, List<Slot> slots, SlotClauses clauses, java.util.Set<String> siteWords) {
        List<Slot> required =
                slots.stream().filter(s -> s.role() == Role.REQUIRED).toList();
        List<Slot> conditions =
                required.stream().filter(s -> !s.isSite(siteWords)).toList();
        if (conditions.isEmpty() || conditions.size() == required.size()) {
            return;
        }
        BooleanQuery.Builder anyCondition = new BooleanQuery.Builder();
        conditions.forEach(s -> anyCondition.add(clauses.matchOf(s), Occur.SHOULD));
        words.add(anyCondition.build(), Occur.FILTER);
    }

    /** Title words, phrases of the query in title, index and synonyms, laterality named in the title. */
    private static void addPhraseBoosts(BooleanQuery.Builder boosts, Tokens analyzed, List<Slot> slots) {
        BooleanQuery.Builder titleWords = new BooleanQuery.Builder();
        for (String token : new LinkedHashSet<>(analyzed.terms())) {
            titleWords.add(new TermQuery(new Term(TITLE, token)), Occur.SHOULD);
        }
        // the book words a note word stands for ("cysto" → cystoscopy), as one word: an abbreviation counts in the
        // title like a word typed out (or "diagnostic" outranks what "cysto" names), and an expansion of several
        // words ("RLL" → right lower lobe) like one word, not three; rank-only words have their own boosts ("R" →
        // right: LATERALITY_IN_TITLE)
        for (Slot slot : slots) {
            if (slot.role() != Role.REQUIRED || slot.alternatives().size() < 2) {
                continue;
            }
            List<Query> bookWords = slot.alternatives().get(1).terms().stream()
                    .filter(term -> !analyzed.terms().contains(term))
                    .distinct()
                    .map(term -> (Query) new TermQuery(new Term(TITLE, term)))
                    .toList();
            if (!bookWords.isEmpty()) {
                titleWords.add(new DisjunctionMaxQuery(bookWords, 0f), Occur.SHOULD);
            }
        }
        boosts.add(new BoostQuery(titleWords.build(), SearchWeights.TITLE_WORDS), Occur.SHOULD);
        long wordSlots = slots.stream().filter(s -> s.role() != Role.NUMBER).count();
        if (wordSlots >= 2) {
            boosts.add(new BoostQuery(phrase(TITLE, analyzed, 0), SearchWeights.TITLE_PHRASE_EXACT), Occur.SHOULD);
            boosts.add(new BoostQuery(phrase(TITLE, analyzed, 8), SearchWeights.TITLE_PHRASE_SLOPPY), Occur.SHOULD);
            boosts.add(new BoostQuery(phrase(INDEX, analyzed, 3), SearchWeights.INDEX_PHRASE), Occur.SHOULD);
        }
        boosts.add(new BoostQuery(phrase(INDEX_MAIN, analyzed, 2), SearchWeights.INDEX_MAIN_TERM), Occur.SHOULD);
        // the condition a coder looks up ("nosebleed" of "nosebleed, anterior, stopped with pressure"): each
        // query word that is an Alphabetic Index main term of the code counts, whatever the other words say
        for (Slot slot : slots) {
            if (slot.role() == Role.NUMBER) {
                continue;
            }
            List<Query> mainTerm = slot.alternatives().stream()
                    .map(a -> phrase(INDEX_MAIN, a, 0))
                    .toList();
            boosts.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new DisjunctionMaxQuery(mainTerm, 0f)),
                            SearchWeights.INDEX_MAIN_WORD),
                    Occur.SHOULD);
        }
        boosts.add(new BoostQuery(phrase(HEAD, analyzed, 1), SearchWeights.TITLE_HEAD), Occur.SHOULD);
        boosts.add(new BoostQuery(phrase(SYNONYM, analyzed, 1), SearchWeights.SYNONYM_TEXT), Occur.SHOULD);
        Tokens expanded = expandedPhrase(slots);
        if (!expanded.terms().equals(analyzed.terms()) && expanded.size() >= 2) {
            // the query in book words ("migraine w/o aura" → "migraine without aura", "panic attacks" →
            // "panic disorder"): the same title boosts as the query as typed
            // as constant scores: a short header title must not outscore its billable codes on length alone
            boosts.add(constantPhrase(TITLE, expanded, 0, SearchWeights.BOOK_WORDS_PHRASE_EXACT), Occur.SHOULD);
            boosts.add(constantPhrase(TITLE, expanded, 8, SearchWeights.BOOK_WORDS_PHRASE_SLOPPY), Occur.SHOULD);
            boosts.add(constantPhrase(HEAD, expanded, 1, SearchWeights.BOOK_WORDS_HEAD), Occur.SHOULD);
        }
        for (Slot slot : slots) {
            for (Tokens alternative : slot.alternatives()) {
                if (alternative.size() == 1
                        && SearchWeights.LATERALITY.contains(alternative.terms().getFirst())) {
                    boosts.add(
                            new BoostQuery(
                                    new TermQuery(
                                            new Term(TITLE, alternative.terms().getFirst())),
                                    SearchWeights.LATERALITY_IN_TITLE),
                            Occur.SHOULD);
                }
            }
        }
    }

    /** The slots' words in order, each note word replaced by its first expansion; numbers left out. */
    private static Tokens expandedPhrase(List<Slot> slots) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.role() == Role.NUMBER) {
                continue;
            }
            Tokens words = slot.alternatives().size() > 1
                    ? slot.alternatives().get(1)
                    : slot.alternatives().getFirst();
            for (String term : words.terms()) {
                terms.add(term);
                positions.add(positions.size());
            }
        }
        return new Tokens(terms, positions);
    }

    /**
     * What a coder picks when the note says nothing else: a billable code, the initial encounter (unless
     * the query names another encounter), the family's unspecified default, an uncomplicated title.
     */
    private void addCodersDefaults(BooleanQuery.Builder boosts, List<Slot> slots) {
        // "subsequent", "sequela", or a healing state that only a later encounter has ("nonunion")
        boolean otherEncounter = slots.stream()
                .flatMap(s -> s.alternatives().stream())
                .anyMatch(a -> a.terms().stream().anyMatch(laterEncounterWords::contains));
        boolean saysOther = slots.stream().anyMatch(s -> s.anyAlternativeWithin(java.util.Set.of("other")));
        // one clause reading each code's marks, not five constant-score clauses: the same sum (CodersDefaults)
        boosts.add(codersDefaults.query(!otherEncounter, !saysOther), Occur.SHOULD);
    }

    private static Query constantPhrase(String field, Tokens tokens, int slop, float boost) {
        return new BoostQuery(new ConstantScoreQuery(phrase(field, tokens, slop)), boost);
    }

    private static Query constant(String field, String value, float boost) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, value))), boost);
    }

    /** Where a query word may match, and how much a match there counts. */
    private static final String[] WORD_FIELDS = {TITLE, ALT, INDEX};

    private static final float[] WORD_WEIGHTS = {
        SearchWeights.TITLE_WORD, SearchWeights.ALT_WORD, SearchWeights.INDEX_WORD
    };

    /**
     * One slot's score: any of its alternatives (the word, misspelled within 1–2 edits, an expansion) in
     * the title, the other names or the index paths. The best field counts (dis-max), so a word repeated in
     * many index paths does not outweigh the title.
     */
    private static Query scoreClause(Slot slot, OneAutomatonFuzzyQuery.Automaton automaton) {
        List<Query> options = new ArrayList<>();
        for (int i = 0; i < WORD_FIELDS.length; i++) {
            String field = WORD_FIELDS[i];
            for (Tokens alternative : slot.alternatives()) {
                options.add(
                        new BoostQuery(phrase(field, alternative, SearchWeights.ALTERNATIVE_SLOP), WORD_WEIGHTS[i]));
            }
            if (slot.fuzzy()) {
                options.add(new BoostQuery(
                        fuzzy(field, slot.word(), automaton), SearchWeights.FUZZY_SHARE * WORD_WEIGHTS[i]));
            }
        }
        if (slot.acronym()) {
            options.add(new BoostQuery(new TermQuery(new Term(ACRONYM, slot.word())), SearchWeights.ACRONYM_WORD));
        }
        if (slot.role() == Role.NUMBER) {
            // "4 cm" inside "2.6 cm to 7.5 cm", "BMI 42" inside "40.0-44.9": counts like the number in the title
            for (String range : NumberRanges.queryTokens(slot.word())) {
                options.add(new BoostQuery(
                        new ConstantScoreQuery(new TermQuery(new Term(RANGE, range))), SearchWeights.NUMBER_IN_RANGE));
            }
        }
        return new DisjunctionMaxQuery(options, SearchWeights.FIELD_TIE);
    }

    /**
     * Whether a slot can match a code at all: any alternative anywhere in the title, the other names or
     * the index paths. Matches the same codes as {@link #scoreClause} on one field instead of three.
     */
    private static Query matchClause(Slot slot, OneAutomatonFuzzyQuery.Automaton automaton) {
        List<Query> options = new ArrayList<>();
        for (Tokens alternative : slot.alternatives()) {
            options.add(phrase(MATCH, alternative, SearchWeights.ALTERNATIVE_SLOP));
        }
        if (slot.fuzzy()) {
            options.add(fuzzy(MATCH, slot.word(), automaton));
        }
        if (slot.acronym()) {
            options.add(new TermQuery(new Term(ACRONYM, slot.word())));
        }
        if (options.size() == 1) {
            return options.getFirst();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        options.forEach(q -> any.add(q, Occur.SHOULD));
        return any.build();
    }

    /** Fuzzy matching is costly: only for words of 4+ letters that the index does not know. */
    private boolean needsFuzzy(String token) {
        return token.length() >= 4 && token.chars().allMatch(Character::isLetter) && !knownWord.test(token);
    }

    private static Query fuzzy(String field, String token, OneAutomatonFuzzyQuery.Automaton automaton) {
        return new RewrittenOnce(new OneAutomatonFuzzyQuery(
                new Term(field, token), token.length() >= 7 ? 2 : 1, 1, 30, true, automaton));
    }

    /**
     * A query rewritten once per searcher and remembered: a fuzzy word's expansion walks the term dictionary,
     * and the first and second try of a search share the same clause. Lives as long as one plan.
     */
    static final class RewrittenOnce extends Query {
        private final Query in;
        /** The searcher and its rewrite, as one value: a query shared between threads never mixes two. */
        private volatile Rewritten memo;

        private record Rewritten(IndexSearcher by, Query query) {}

        RewrittenOnce(Query in) {
            this.in = in;
        }

        @Override
        public Query rewrite(IndexSearcher searcher) throws IOException {
            Rewritten known = memo;
            if (known == null || known.by() != searcher) {
                known = new Rewritten(searcher, searcher.rewrite(in));
                memo = known;
            }
            return known.query();
        }

        @Override
        public void visit(QueryVisitor visitor) {
            in.visit(visitor);
        }

        @Override
        public String toString(String field) {
            return in.toString(field);
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && in.equals(((RewrittenOnce) other).in);
        }

        @Override
        public int hashCode() {
            return 31 * classHash() + in.hashCode();
        }
    }

    /** The expansions of the matched one-word synonyms that are this word (COPD → its long form). */
    private static List<Tokens> expansionsOf(String token, List<CompiledSynonym> matched) {
        List<Tokens> expansions = new ArrayList<>();
        for (CompiledSynonym s : matched) {
            if (s.termTokens().size() == 1 && s.termTokens().getFirst().equals(token)) {
                expansions.addAll(s.expansions());
            }
        }
        return expansions;
    }

    private static boolean isNumber(String token) {
        return token.matches("\\d+(?:\\.\\d+)?");
    }

    private static Query phrase(String field, Tokens tokens, int slop) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.terms().getFirst()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        phrase.setSlop(slop);
        int first = tokens.positions().getFirst();
        for (int i = 0; i < tokens.size(); i++) {
            phrase.add(
                    new Term(field, tokens.terms().get(i)), tokens.positions().get(i) - first);
        }
        return phrase.build();
    }
}
