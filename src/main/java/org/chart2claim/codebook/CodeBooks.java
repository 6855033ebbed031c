package org.chart2claim.codebook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code books in use: one active {@link CodeBook} per code system plus the search synonyms. Plain
 * Java and immutable; implements {@link CodeLookup} so other features' tests can build one from a small
 * {@link CodeSet} without Spring.
 */
public final class CodeBooks implements CodeLookup {

    private final Map<CodeSystem, CodeBook> active = new EnumMap<>(CodeSystem.class);
    private final List<Synonym> synonyms;
    private final String contentHash;
    /** Parsed Excludes1 references per ICD-10-CM code of the active book (see {@link #excludes1References}). */
    private final Map<String, List<Excludes1References.Reference>> excludes1ByCode = new ConcurrentHashMap<>();

    /** Uses the first set of each system in {@code sets} as the active one. */
    public CodeBooks(Collection<CodeSet> sets, List<Synonym> synonyms, String contentHash) {
        for (CodeSet set : sets) {
            active.putIfAbsent(set.system(), new CodeBook(set));
        }
        this.synonyms = List.copyOf(synonyms);
        this.contentHash = contentHash;
    }

    public static CodeBooks of(LoadedCodeBooks loaded) {
        return new CodeBooks(loaded.sets(), loaded.synonyms(), loaded.contentHash());
    }

    /** The active book of a system, if one is loaded. */
    public Optional<CodeBook> book(CodeSystem system) {
        return Optional.ofNullable(active.get(system));
    }

    public List<CodeBook> books() {
        return List.copyOf(active.values());
    }

    public List<CodeSet> sets() {
        return active.values().stream().map(CodeBook::set).toList();
    }

    public List<Synonym> synonyms() {
        return synonyms;
    }

    /** Identifies the content (changes whenever any file or set changes). */
    public String contentHash() {
        return contentHash;
    }

    @Override
    public Optional<CodeInfo> find(CodeSystem system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        CodeBook book = active.get(system);
        if (book == null) {
            return Optional.empty();
        }
        return book.find(code).map(e -> book.set().info(e));
    }

    /** True when the Excludes1 notes that apply to {@code code} cover {@code target} (Excludes1 works both ways). */
    private boolean excludes(CodeBook book, String code, String target) {
        Optional<CodeEntry> entry = book.find(code);
        if (entry.isEmpty()) {
            return false;
        }
        return Excludes1References.anyReferenceCovers(excludes1References(book, entry.get()), target);
    }

    /**
     * The code references of every Excludes1 note that applies to {@code entry} (its own and its parents'), parsed
     * once per code and kept with these books: the payer asks them for every diagnosis pair of every claim, and
     * parsing the notes' text with regular expressions on each call was the largest single cost of adjudication.
     */
    private List<Excludes1References.Reference> excludes1References(CodeBook book, CodeEntry entry) {
        return excludes1ByCode.computeIfAbsent(entry.code(), code -> {
            List<String> notes = new ArrayList<>();
            for (CodeBook.NotesAt at : book.applicableNotes(entry)) {
                notes.addAll(at.notes().excludes1());
            }
            return notes.stream()
                    .flatMap(note -> Excludes1References.parse(note).stream())
                    .toList();
        });
    }

    @Override
    public List<String> excludes1Conflicts(String icdCode, Collection<String> others) {
        CodeBook book = active.get(CodeSystem.ICD10CM);
        if (book == null || icdCode == null || others == null) {
            return List.of();
        }
        Optional<CodeEntry> entry = book.find(icdCode);
        if (entry.isEmpty()) {
            return List.of();
        }
        List<Excludes1References.Reference> references = excludes1References(book, entry.get());
        String self = CodeFormat.compact(CodeSystem.ICD10CM, icdCode);
        Set<String> conflicts = new LinkedHashSet<>();
        for (String other : others) {
            if (other == null || CodeFormat.compact(CodeSystem.ICD10CM, other).equals(self)) {
                continue;
            }
            if (Excludes1References.anyReferenceCovers(references, other) || excludes(book, other, icdCode)) {
                conflicts.add(other);
            }
        }
        return List.copyOf(conflicts);
    }
}
