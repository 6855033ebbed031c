package org.chart2claim.codebook.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chart2claim.codebook.CodeEntry;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.IndexTerm;

/**
 * The Alphabetic Index as searchable text per code, read the way a coder reads it:
 *
 * <ul>
 *   <li>every term's path (main term, subterms, nonessential modifiers) belongs to the code it leads to;
 *   <li>a term that leads to a category or subcategory ("Fracture, radius, lower end, Colles' S52.53-":
 *       complete the code in the Tabular) belongs to every code below it as well;
 *   <li>a "see" reference ("Vaginosis — see Vaginitis", "Pink eye — see Conjunctivitis, acute") belongs to
 *       the code of the term it sends the coder to.
 * </ul>
 */
final class IndexPaths {

    /** Index paths per code key (compact code), in book order, each once. */
    final Map<String, List<String>> paths = new HashMap<>();
    /** Main terms per code key: the terms that lead to the code (or a code above it) directly. */
    final Map<String, List<String>> mainTerms = new HashMap<>();

    private final CodeSet set;
    private final Map<String, List<IndexTerm>> mainByFirstWord = new HashMap<>();

    private IndexPaths(CodeSet set) {
        this.set = set;
    }

    /** The index paths and main terms of every code of {@code set}. */
    static IndexPaths of(CodeSet set) {
        IndexPaths index = new IndexPaths(set);
        for (IndexTerm main : set.indexTerms()) {
            index.mainByFirstWord
                    .computeIfAbsent(firstSegment(main.term()), k -> new ArrayList<>())
                    .add(main);
        }
        Map<String, LinkedHashSet<String>> paths = new HashMap<>();
        Map<String, LinkedHashSet<String>> mains = new HashMap<>();
        for (IndexTerm main : set.indexTerms()) {
            index.collect(main, "", true, paths, mains);
        }
        if (set.system() == CodeSystem.ICD10CM) {
            inherit(set, paths);
            inherit(set, mains);
        }
        paths.forEach((k, v) -> index.paths.put(k, List.copyOf(v)));
        mains.forEach((k, v) -> index.mainTerms.put(k, List.copyOf(v)));
        return index;
    }

    private void collect(
            IndexTerm term,
            String prefix,
            boolean main,
            Map<String, LinkedHashSet<String>> paths,
            Map<String, LinkedHashSet<String>> mains) {
        String path = (prefix + " " + term.term() + " " + term.nemod()).strip();
        String code = term.code();
        if (code.isEmpty() && !term.see().isEmpty()) {
            code = resolve(term.see());
        }
        if (!code.isEmpty()) {
            String key = CodeFormat.compact(set.system(), code);
            paths.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(path);
            if (main) {
                mains.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(term.term());
            }
        }
        for (IndexTerm sub : term.subterms()) {
            collect(sub, path, false, paths, mains);
        }
    }

    /**
     * The code of the term a "see" reference names ("Conjunctivitis, acute, mucopurulent"): its main term,
     * then each subterm as far as the index has them; "" when the reference names no term with a code
     * ("see condition", "see Disease, by site").
     */
    String resolve(String see) {
        String[] parts = see.split(",\\s*");
        List<IndexTerm> candidates = mainByFirstWord.getOrDefault(firstSegment(parts[0]), List.of());
        if (candidates.isEmpty()) {
            return "";
        }
        IndexTerm term = candidates.getFirst();
        String code = term.code();
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            IndexTerm next = subterm(term, part);
            if (next == null) {
                break;
            }
            term = next;
            if (!term.code().isEmpty()) {
                code = term.code();
            }
        }
        return code;
    }

    private static IndexTerm subterm(IndexTerm term, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (IndexTerm sub : term.subterms()) {
            String title = sub.term().toLowerCase(Locale.ROOT);
            if (title.equals(wanted) || firstSegment(title).equals(wanted)) {
                return sub;
            }
        }
        return null;
    }

    private static String firstSegment(String term) {
        int comma = term.indexOf(',');
        return (comma > 0 ? term.substring(0, comma) : term).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Index text of a category or subcategory goes to every code below it too: ICD-10-CM codes extend
     * their parent's code, so the codes below a key are the keys that start with it.
     */
    private static void inherit(CodeSet set, Map<String, LinkedHashSet<String>> byKey) {
        String[] keys = set.entries().stream()
                .map(CodeEntry::code)
                .map(c -> CodeFormat.compact(CodeSystem.ICD10CM, c))
                .sorted()
                .toArray(String[]::new);
        // shortest first, so a code gets its ancestors' text in book order (category before subcategory)
        List<String> headers = byKey.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(k -> k))
                .toList();
        Map<String, List<String>> own = new HashMap<>();
        byKey.forEach((k, v) -> own.put(k, List.copyOf(v)));
        for (String header : headers) {
            int i = Arrays.binarySearch(keys, header);
            int from = i >= 0 ? i + 1 : -i - 1;
            for (int j = from; j < keys.length && keys[j].startsWith(header); j++) {
                byKey.computeIfAbsent(keys[j], k -> new LinkedHashSet<>()).addAll(own.get(header));
            }
        }
    }
}
