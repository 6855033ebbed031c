package org.chart2claim.codebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded {@link CodeSet} with the look-ups a coder does in the Tabular List: find a code, walk up to
 * its category, block and chapter, collect the notes that apply (own and inherited), the 7th-character
 * table in force, siblings and children. Immutable and thread-safe once built.
 */
public final class CodeBook {

    /** Notes that apply to a code, and where they are printed. */
    public record NotesAt(String level, String label, InstructionalNotes notes) {}

    /** One step of the Tabular hierarchy shown as breadcrumbs. */
    public record Crumb(String level, String id, String title) {}

    private final CodeSet set;
    private final Map<String, CodeEntry> byKey = new HashMap<>();
    private final Map<String, List<CodeEntry>> childrenByParent = new HashMap<>();
    private final List<CodeEntry> roots = new ArrayList<>();
    private final Map<String, Chapter> chapters = new LinkedHashMap<>();
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final Map<String, List<CodeEntry>> rootsByBlock = new HashMap<>();

    public CodeBook(CodeSet set) {
        this.set = set;
        for (Chapter chapter : set.chapters()) {
            chapters.put(chapter.id(), chapter);
        }
        for (Block block : set.blocks()) {
            blocks.put(block.range(), block);
        }
        for (CodeEntry entry : set.entries()) {
            byKey.put(key(entry.code()), entry);
            if (entry.parent() == null) {
                roots.add(entry);
                rootsByBlock
                        .computeIfAbsent(entry.block(), b -> new ArrayList<>())
                        .add(entry);
            } else {
                childrenByParent
                        .computeIfAbsent(key(entry.parent()), p -> new ArrayList<>())
                        .add(entry);
            }
        }
    }

    private String key(String code) {
        return CodeFormat.compact(set.system(), code);
    }

    public CodeSet set() {
        return set;
    }

    public CodeSystem system() {
        return set.system();
    }

    public String version() {
        return set.version();
    }

    /** The entry for a code, ignoring case, dots and spaces. */
    public Optional<CodeEntry> find(String code) {
        return Optional.ofNullable(byKey.get(key(code)));
    }

    public Optional<CodeEntry> parentOf(CodeEntry entry) {
        return entry.parent() == null ? Optional.empty() : find(entry.parent());
    }

    /** Direct children in book order (empty for billable codes and for HCPCS/CPT). */
    public List<CodeEntry> childrenOf(CodeEntry entry) {
        return Collections.unmodifiableList(childrenByParent.getOrDefault(key(entry.code()), List.of()));
    }

    /** Codes with the same parent (for a category: the other categories of its block), excluding itself. */
    public List<CodeEntry> siblingsOf(CodeEntry entry) {
        List<CodeEntry> all = entry.parent() == null
                ? rootsByBlock.getOrDefault(entry.block(), List.of())
                : childrenByParent.getOrDefault(key(entry.parent()), List.of());
        return all.stream().filter(e -> !e.code().equals(entry.code())).toList();
    }

    /** Ancestors from the category down to the direct parent. */
    public List<CodeEntry> ancestorsOf(CodeEntry entry) {
        List<CodeEntry> chain = new ArrayList<>();
        Optional<CodeEntry> parent = parentOf(entry);
        while (parent.isPresent()) {
            chain.addFirst(parent.get());
            parent = parentOf(parent.get());
        }
        return chain;
    }

    public Optional<Chapter> chapterOf(CodeEntry entry) {
        return Optional.ofNullable(chapters.get(entry.chapter()));
    }

    public Optional<Block> blockOf(CodeEntry entry) {
        return Optional.ofNullable(blocks.get(entry.block()));
    }

    /** Chapter → block → category → ... → the code itself. */
    public List<Crumb> breadcrumbs(CodeEntry entry) {
        List<Crumb> crumbs = new ArrayList<>();
        chapterOf(entry).ifPresent(c -> crumbs.add(new Crumb("chapter", c.id(), c.title() + " (" + c.range() + ")")));
        blockOf(entry).ifPresent(b -> crumbs.add(new Crumb("block", b.range(), b.title())));
        for (CodeEntry ancestor : ancestorsOf(entry)) {
            crumbs.add(new Crumb(levelName(ancestor), ancestor.code(), ancestor.title()));
        }
        crumbs.add(new Crumb(levelName(entry), entry.code(), entry.title()));
        return crumbs;
    }

    private String levelName(CodeEntry entry) {
        if (set.system() != CodeSystem.ICD10CM) {
            return "code";
        }
        if (entry.level() == 3) {
            return "category";
        }
        return entry.billable() ? "code" : "subcategory";
    }

    /**
     * Every note that applies to the code: its own first, then its parents', the block's and the
     * chapter's (the Tabular convention: notes at a category apply to all codes below it).
     */
    public List<NotesAt> applicableNotes(CodeEntry entry) {
        List<NotesAt> out = new ArrayList<>();
        if (!entry.notes().isEmpty()) {
            out.add(new NotesAt(levelName(entry), entry.code(), entry.notes()));
        }
        List<CodeEntry> ancestors = ancestorsOf(entry);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            CodeEntry a = ancestors.get(i);
            if (!a.notes().isEmpty()) {
                out.add(new NotesAt(levelName(a), a.code(), a.notes()));
            }
        }
        blockOf(entry)
                .filter(b -> !b.notes().isEmpty())
                .ifPresent(b -> out.add(new NotesAt("block", b.range(), b.notes())));
        chapterOf(entry)
                .filter(c -> !c.notes().isEmpty())
                .ifPresent(c -> out.add(new NotesAt("chapter", c.id(), c.notes())));
        return out;
    }

    /** The 7th-character table in force: declared on the code or the nearest ancestor, if any. */
    public Optional<SevenChrDef> sevenChrDefFor(CodeEntry entry) {
        if (entry.sevenChrDef() != null) {
            return Optional.of(entry.sevenChrDef());
        }
        List<CodeEntry> ancestors = ancestorsOf(entry);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            if (ancestors.get(i).sevenChrDef() != null) {
                return Optional.of(ancestors.get(i).sevenChrDef());
            }
        }
        return Optional.empty();
    }

    /** Main terms of the Alphabetic Index (empty when the set has none). */
    public List<IndexTerm> indexTerms() {
        return set.indexTerms();
    }

    /** A main term of the Alphabetic Index by its (case-insensitive) term, e.g. a "see" target. */
    public Optional<IndexTerm> mainTerm(String term) {
        String wanted = term.strip();
        for (IndexTerm t : set.indexTerms()) {
            if (t.term().equalsIgnoreCase(wanted)) {
                return Optional.of(t);
            }
        }
        // "see Diabetes, by type" names the main term "Diabetes, diabetic" and a path below it
        String head = wanted.split(",")[0].strip();
        for (IndexTerm t : set.indexTerms()) {
            if (t.term().split(",")[0].strip().equalsIgnoreCase(head)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Categories and codes without a parent, in book order. */
    public List<CodeEntry> roots() {
        return Collections.unmodifiableList(roots);
    }
}
