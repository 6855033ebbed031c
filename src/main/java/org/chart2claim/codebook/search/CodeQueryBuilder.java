package org.chart2claim.codebook.search;

import static org.chart2claim.codebook.search.CodeIndexFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.Synonym;

/**
 * Turns whatever a user typed into a Lucene query, built programmatically (no query parser), so quotes,
 * {@code *}, {@code AND OR}, huge or exotic input can never cause a syntax error.
 *
 * <p>Matching: a code-looking query matches the code exactly (highest) or as a prefix, ignoring case and
 * dots ({@code e119}, {@code E11.9}, {@code E11.}); words must mostly (all of 1–2 words, 75% of longer
 * queries) occur in the code's title, inclusion terms, index terms or synonyms, each word exactly
 * (stemmed) or within 1–2 edits (misspellings); an abbreviation in the query also matches its
 * expansion (COPD → chronic obstructive pulmonary disease) and the codes it is pinned to.
 *
 * <p>Ranking boosts: exact and sloppy phrase matches in the title, words in the title, Alphabetic Index
 * main terms and paths, synonyms, billable codes, and the "unspecified" default of a family (what a coder
 * picks when the note gives no more detail).
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

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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
    private final java.util.function.Predicate<String> knownWord;

    public CodeQueryBuilder(Analyzer analyzer, List<Synonym> synonymList) {
        this(analyzer, synonymList, java.util.function.UnaryOperator.identity(), word -> false);
    }

    /**
     * @param corrector replaces an analyzed query word the index does not know by a known one
     *                  (spelling correction), or returns it unchanged
     * @param knownWord whether the index contains a word; unknown words that could not be corrected
     *                  are matched fuzzily (costly, so only for them)
     */
    public CodeQueryBuilder(
            Analyzer analyzer,
            List<Synonym> synonymList,
            java.util.function.UnaryOperator<String> corrector,
            java.util.function.Predicate<String> knownWord) {
        this.analyzer = analyzer;
        this.corrector = corrector;
        this.knownWord = knownWord;
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

    /**
     * The query for {@code raw}, optionally restricted to one system and to billable codes. Returns a
     * match-nothing query for blank input.
     */
    public Query build(String raw, CodeSystem system, boolean billableOnly) {
        String text = sanitize(raw);
        if (text.isEmpty()) {
            return new MatchNoDocsQuery("empty query");
        }
        BooleanQuery.Builder core = new BooleanQuery.Builder();
        boolean anything = false;

        String compact = CodeFormat.compact(CodeSystem.ICD10CM, text);
        boolean codeLike = compact.length() >= 2
                && CODE_LIKE.matcher(compact).matches()
                && text.replaceAll("[\\s.\\-]", "").length() == compact.length();
        if (codeLike) {
            core.add(
                    new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(CODE_KEY, compact))), 100f),
                    Occur.SHOULD);
            core.add(
                    new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term(CODE_KEY, compact))), 20f),
                    Occur.SHOULD);
            anything = true;
        }

        String lower = text.toLowerCase(Locale.ROOT);
        Tokens asTyped = analyze(text);
        Tokens analyzed = new Tokens(asTyped.terms().stream().map(corrector).toList(), asTyped.positions());
        List<String> tokens = analyzed.terms();
        BooleanQuery.Builder boosts = new BooleanQuery.Builder();
        List<CompiledSynonym> matched = matchingSynonyms(lower);
        for (CompiledSynonym s : matched) {
            // a synonym that is the whole query pins its codes to the top; one that covers part of the
            // query only nudges them, so "right knee pain" still prefers the right-knee code
            float coverage = tokens.isEmpty() ? 1f : Math.min(1f, s.termTokens().size() / (float) tokens.size());
            float pin = coverage >= 1f ? 30f : 10f * coverage;
            for (String key : s.codeKeys()) {
                core.add(
                        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(CODE_KEY, key))), pin),
                        Occur.SHOULD);
            }
            for (Tokens expansion : s.expansions()) {
                core.add(new BoostQuery(phrase(TITLE, expansion, 1), 3f), Occur.SHOULD);
            }
            anything = true;
        }

        if (!tokens.isEmpty()) {
            // numbers ("4 mg", "stage 3", "20 weeks") rank but are not required: titles write them
            // differently ("per 1 mg", "35.0-35.9") or not at all; neither is the encounter ("initial
            // encounter", "sequela"), which thousands of injury titles share and the 7th character decides
            boolean[] qualifier = encounterWords(tokens);
            boolean anyContentWord = false;
            for (int i = 0; i < tokens.size(); i++) {
                anyContentWord |= !qualifier[i] && !isNumber(tokens.get(i));
            }
            BooleanQuery.Builder wordMatches = new BooleanQuery.Builder();
            BooleanQuery.Builder wordScores = new BooleanQuery.Builder();
            BooleanQuery.Builder numbers = new BooleanQuery.Builder();
            int n = 0;
            boolean anyNumber = false;
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (isNumber(token)) {
                    numbers.add(tokenClause(token, matched), Occur.SHOULD);
                    anyNumber = true;
                    continue;
                }
                wordScores.add(tokenClause(token, matched), Occur.SHOULD);
                if (!qualifier[i] || !anyContentWord) {
                    wordMatches.add(matchClause(token, matched), Occur.SHOULD);
                    n++;
                }
            }
            if (n > 0) {
                // which codes match is decided on the one match field; the per-field scores only rank
                // them (the same sum as matching field by field, at a fraction of the cost)
                wordMatches.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.75));
                BooleanQuery.Builder words = new BooleanQuery.Builder();
                words.add(wordMatches.build(), Occur.FILTER);
                words.add(wordScores.build(), Occur.SHOULD);
                core.add(words.build(), Occur.SHOULD);
            } else {
                core.add(numbers.build(), Occur.SHOULD);
            }
            if (anyNumber && n > 0) {
                boosts.add(new BoostQuery(numbers.build(), 2f), Occur.SHOULD);
            }
            anything = true;

            BooleanQuery.Builder titleWords = new BooleanQuery.Builder();
            for (String token : new LinkedHashSet<>(tokens)) {
                titleWords.add(new TermQuery(new Term(TITLE, token)), Occur.SHOULD);
            }
            boosts.add(new BoostQuery(titleWords.build(), 2f), Occur.SHOULD);
            if (n >= 2) {
                boosts.add(new BoostQuery(phrase(TITLE, analyzed, 0), 3f), Occur.SHOULD);
                boosts.add(new BoostQuery(phrase(TITLE, analyzed, 8), 1.5f), Occur.SHOULD);
                boosts.add(new BoostQuery(phrase(INDEX, analyzed, 3), 1f), Occur.SHOULD);
            }
            boosts.add(new BoostQuery(phrase(INDEX_MAIN, analyzed, 2), 5f), Occur.SHOULD);
            boosts.add(new BoostQuery(phrase(HEAD, analyzed, 1), 2f), Occur.SHOULD);
            boosts.add(new BoostQuery(phrase(SYNONYM, analyzed, 1), 4f), Occur.SHOULD);
        }
        if (!anything) {
            return new MatchNoDocsQuery("nothing searchable in the query");
        }
        if (!codeLike) {
            // a code or code prefix lists in book order; preferring billable codes would scramble it
            boosts.add(
                    new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(BILLABLE, "true"))), 2f),
                    Occur.SHOULD);
            boosts.add(
                    new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(DEFAULT_CHOICE, "1"))), 3f),
                    Occur.SHOULD);
            boosts.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(INITIAL, "1"))), 1f), Occur.SHOULD);
        }

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(core.build(), Occur.MUST);
        query.add(boosts.build(), Occur.SHOULD);
        if (system != null) {
            query.add(new TermQuery(new Term(SYSTEM, system.name())), Occur.FILTER);
        }
        if (billableOnly) {
            query.add(new TermQuery(new Term(BILLABLE, "true")), Occur.FILTER);
        }
        return query.build();
    }

    /** Where a query word may match, and how much a match there counts. */
    private static final String[] WORD_FIELDS = {TITLE, ALT, INDEX};

    private static final float[] WORD_WEIGHTS = {1.0f, 0.8f, 0.5f};

    /**
     * One query word: exact (stemmed), misspelled within 1–2 edits, or an abbreviation's expansion, in the
     * title, the other names or the index paths. The best field counts (dis-max), so a word repeated in
     * many index paths does not outweigh the title.
     */
    private Query tokenClause(String token, List<CompiledSynonym> matched) {
        List<Query> options = new ArrayList<>();
        List<Tokens> expansions = expansionsOf(token, matched);
        for (int i = 0; i < WORD_FIELDS.length; i++) {
            String field = WORD_FIELDS[i];
            options.add(new BoostQuery(new TermQuery(new Term(field, token)), WORD_WEIGHTS[i]));
            if (needsFuzzy(token)) {
                options.add(new BoostQuery(fuzzy(field, token), 0.3f * WORD_WEIGHTS[i]));
            }
            for (Tokens expansion : expansions) {
                options.add(new BoostQuery(phrase(field, expansion, 1), WORD_WEIGHTS[i]));
            }
        }
        return new DisjunctionMaxQuery(options, 0.1f);
    }

    /**
     * Whether a query word can match a code at all: exact (stemmed), misspelled within 1–2 edits, or an
     * abbreviation's expansion, anywhere in the title, the other names or the index paths. Matches the
     * same codes as {@link #tokenClause} on one field instead of three.
     */
    private Query matchClause(String token, List<CompiledSynonym> matched) {
        List<Query> options = new ArrayList<>();
        options.add(new TermQuery(new Term(MATCH, token)));
        if (needsFuzzy(token)) {
            options.add(fuzzy(MATCH, token));
        }
        for (Tokens expansion : expansionsOf(token, matched)) {
            options.add(phrase(MATCH, expansion, 1));
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

    private static Query fuzzy(String field, String token) {
        return new FuzzyQuery(new Term(field, token), token.length() >= 7 ? 2 : 1, 1, 30, true);
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

    /** Stemmed words of "initial encounter", "subsequent encounter" and "sequela". */
    private static boolean[] encounterWords(List<String> tokens) {
        boolean[] qualifier = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("sequela")) {
                qualifier[i] = true;
            } else if ((token.equals("initi") || token.equals("subsequ"))
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).equals("encount")) {
                qualifier[i] = true;
                qualifier[i + 1] = true;
            }
        }
        return qualifier;
    }

    private static boolean isNumber(String token) {
        return token.chars().allMatch(Character::isDigit);
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
