package org.chart2claim.codebook.search;

import static org.chart2claim.codebook.search.CodeIndexFields.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.chart2claim.codebook.CodeEntry;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.Synonym;

/**
 * Writes the search index for any list of {@link CodeSet}s, curated or imported (a full ICD-10-CM year
 * plus HCPCS is about 105,000 documents), reporting progress to an {@link IndexProgressListener}.
 */
public final class CodeIndexWriter {

    /** The "with ..." and "without ..." clauses of a title. */
    private static final java.util.regex.Pattern WITH_CLAUSE = java.util.regex.Pattern.compile("\\bwith(out)?\\b");

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("\\b(\\d+)\\.\\d+\\b");

    private CodeIndexWriter() {}

    /** Replaces the content of {@code directory} with an index of the given sets and synonyms. */
    public static void write(
            Directory directory, List<CodeSet> sets, List<Synonym> synonyms, IndexProgressListener progress)
            throws IOException {
        long total = sets.stream().mapToLong(s -> s.entries().size()).sum();
        IndexWriterConfig config = new IndexWriterConfig(new CodeTextAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        long done = 0;
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (CodeSet set : sets) {
                IndexPaths index = IndexPaths.of(set);
                Map<String, List<String>> indexPaths = index.paths;
                Map<String, List<String>> mainTerms = index.mainTerms;
                Map<String, List<String>> synonymText = new HashMap<>();
                for (Synonym synonym : synonyms) {
                    for (String code : synonym.codes()) {
                        List<String> texts = synonymText.computeIfAbsent(
                                CodeFormat.compact(set.system(), code), k -> new ArrayList<>());
                        texts.add(synonym.term());
                        texts.addAll(synonym.expansions());
                    }
                }
                for (CodeEntry entry : set.entries()) {
                    String key = CodeFormat.compact(set.system(), entry.code());
                    writer.addDocument(document(
                            set,
                            entry,
                            key,
                            indexPaths.getOrDefault(key, List.of()),
                            mainTerms.getOrDefault(key, List.of()),
                            synonymText.getOrDefault(key, List.of())));
                    done++;
                    if (done % 500 == 0) {
                        progress.progress(done, total);
                    }
                }
            }
            // one segment: every query term is then looked up, and its postings opened, once instead of once per
            // segment (a full ICD-10-CM year plus HCPCS flushes two or three); a third less CPU per search
            writer.forceMerge(1);
            writer.commit();
        }
        progress.progress(done, total);
    }

    private static Document document(
            CodeSet set,
            CodeEntry entry,
            String key,
            List<String> indexPaths,
            List<String> mainTerms,
            List<String> synonymTexts) {
        Document doc = new Document();
        doc.add(new StringField(SYSTEM, set.system().name(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(
                HIT, HitValue.encode(set.system(), entry.code(), entry.title(), entry.billable(), set.version())));
        doc.add(new StringField(CODE_KEY, key, Field.Store.NO));
        doc.add(new BinaryDocValuesField(
                FIT,
                new org.apache.lucene.util.BytesRef(
                        TitleFit.encode(TitleFit.family(set.system(), key), entry.title()))));
        doc.add(new TextField(TITLE, entry.title(), Field.Store.NO));
        doc.add(new TextField(MATCH, entry.title(), Field.Store.NO));
        doc.add(new StringField(BILLABLE, Boolean.toString(entry.billable()), Field.Store.NO));
        List<String> alt = new ArrayList<>();
        if (!entry.shortTitle().isEmpty()) {
            alt.add(entry.shortTitle());
        }
        alt.addAll(entry.notes().inclusionTerms());
        // "BMI 35" should find "35.0-35.9": index the whole-number part of decimals too
        String wholeNumbers = DECIMAL.matcher(entry.title())
                .results()
                .map(m -> m.group(1))
                .collect(java.util.stream.Collectors.joining(" "));
        if (!wholeNumbers.isEmpty()) {
            alt.add(wholeNumbers);
        }
        java.util.Set<String> ranges = new java.util.LinkedHashSet<>(NumberRanges.tokens(entry.title()));
        if (!entry.shortTitle().isEmpty()) {
            ranges.addAll(NumberRanges.tokens(entry.shortTitle()));
        }
        for (String range : ranges) {
            doc.add(new StringField(RANGE, range, Field.Store.NO));
        }
        doc.add(new TextField(ACRONYM, Acronyms.of(entry.title()), Field.Store.NO));
        for (String text : alt) {
            doc.add(new TextField(ACRONYM, Acronyms.of(text), Field.Store.NO));
        }
        alt.addAll(synonymTexts);
        for (String text : alt) {
            doc.add(new TextField(ALT, text, Field.Store.NO));
            doc.add(new TextField(MATCH, text, Field.Store.NO));
        }
        for (String path : indexPaths.subList(0, Math.min(indexPaths.size(), SearchWeights.MAX_INDEX_PATHS))) {
            doc.add(new TextField(INDEX, path, Field.Store.NO));
            doc.add(new TextField(MATCH, path, Field.Store.NO));
        }
        for (String term : mainTerms) {
            doc.add(new TextField(INDEX_MAIN, term, Field.Store.NO));
        }
        for (String text : synonymTexts) {
            doc.add(new TextField(SYNONYM, text, Field.Store.NO));
        }
        int comma = entry.title().indexOf(',');
        doc.add(new TextField(HEAD, comma > 0 ? entry.title().substring(0, comma) : entry.title(), Field.Store.NO));
        String lower = entry.title().toLowerCase(Locale.ROOT);
        if (entry.billable() && !laterEncounter(lower)) {
            doc.add(new StringField(INITIAL, "1", Field.Store.NO));
        }
        if (lower.contains("unspecified") || lower.endsWith(" nos") || lower.contains("without complications")) {
            doc.add(new StringField(DEFAULT_CHOICE, "1", Field.Store.NO));
        }
        if (!lower.startsWith("other ") && !lower.contains("other specified")) {
            doc.add(new StringField(NOT_RESIDUAL, "1", Field.Store.NO));
        }
        if (lastClauseIsWithout(lower) || lower.endsWith("uncomplicated")) {
            doc.add(new StringField(UNCOMPLICATED, "1", Field.Store.NO));
        }
        return doc;
    }

    /**
     * Whether the title names a subsequent encounter or a sequela (7th characters D, G, K, P, S ...): the
     * codes a coder takes only when the note says so. Every other code, of any chapter, is an initial or
     * encounter-free choice, so the preference orders a family's 7th characters without favouring injuries
     * over diseases.
     */
    static boolean laterEncounter(String lowerTitle) {
        return lowerTitle.contains("subsequent encounter") || lowerTitle.endsWith("sequela");
    }

    /**
     * Whether the title's last "with"/"without" clause is "without": the uncomplicated choice of its family
     * ("... with ketoacidosis without coma", "migraine without aura, ..., without status migrainosus"), not
     * one that ends naming a complication ("without aura, ..., with status migrainosus").
     */
    static boolean lastClauseIsWithout(String lowerTitle) {
        java.util.regex.Matcher m = WITH_CLAUSE.matcher(lowerTitle);
        boolean without = false;
        while (m.find()) {
            without = m.group(1) != null;
        }
        return without;
    }
}
