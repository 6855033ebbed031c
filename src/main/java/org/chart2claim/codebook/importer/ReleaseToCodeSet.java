package org.chart2claim.codebook.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.codebook.Block;
import org.chart2claim.codebook.Chapter;
import org.chart2claim.codebook.CodeEntry;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.IndexTerm;
import org.chart2claim.codebook.InstructionalNotes;
import org.chart2claim.codebook.Modifier;
import org.chart2claim.codebook.NoteKind;
import org.chart2claim.codebook.SevenChrDef;
import org.chart2claim.codebook.SeventhCharacter;
import org.chart2claim.codebook.importer.ImportedIndexTerm.IndexKind;
import org.chart2claim.codebook.importer.ImportedNote.NoteType;

/**
 * Turns an imported release into the codebook feature's {@link CodeSet}, the unit it indexes and serves.
 * Index entries (stored flat with their path) become the nested {@link IndexTerm} tree; each Neoplasm or
 * Drug table row gets one subterm per filled column ("Malignant Primary" → C50.91-). General Tabular
 * "notes" (which the codebook model has no slot for) are kept in the stored release only.
 */
public final class ReleaseToCodeSet {

    private static final Pattern TRAILING_RANGE = Pattern.compile("^(.*?)\\s*\\(([A-Z0-9.]+-[A-Z0-9.]+)\\)\\s*$");

    private ReleaseToCodeSet() {}

    public static CodeSet convert(ImportedRelease release) {
        List<Chapter> chapters = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Map<String, String> chapterOfBlock = new HashMap<>();
        for (ImportedHeading heading : release.headings()) {
            Matcher range = TRAILING_RANGE.matcher(heading.title());
            String title = range.matches() ? range.group(1) : heading.title();
            String rangeText = range.matches() ? range.group(2) : heading.id();
            if (heading.kind() == ImportedHeading.Kind.CHAPTER) {
                chapters.add(new Chapter(heading.id(), rangeText, title, notesOf(heading.notes())));
            } else {
                blocks.add(new Block(heading.id(), title, heading.chapter(), notesOf(heading.notes())));
                chapterOfBlock.put(heading.id(), heading.chapter());
            }
        }
        List<CodeEntry> entries = new ArrayList<>(release.codes().size());
        List<Modifier> modifiers = new ArrayList<>();
        Map<String, String[]> placement = new HashMap<>(release.codes().size() * 2);
        for (ImportedCode code : release.codes()) {
            if (HcpcsFileParser.MODIFIER_GROUP.equals(code.parent())) {
                modifiers.add(new Modifier(code.code(), code.title(), "", "HCPCS Level II"));
                continue;
            }
            String parent = code.parent();
            String chapter = "";
            String block = "";
            if (parent != null && chapterOfBlock.containsKey(parent)) {
                block = parent;
                chapter = chapterOfBlock.get(parent);
                parent = null; // the codebook model: categories have no parent code
            } else if (parent != null && placement.containsKey(parent)) {
                String[] inherited = placement.get(parent);
                chapter = inherited[0];
                block = inherited[1];
            }
            placement.put(code.code(), new String[] {chapter, block});
            int level = release.system() == CodeSystem.ICD10CM
                    ? CodeFormat.compact(CodeSystem.ICD10CM, code.code()).length()
                    : 5;
            String shortTitle = code.shortTitle().equals(code.title()) ? "" : code.shortTitle();
            entries.add(new CodeEntry(
                    code.code(),
                    code.title(),
                    code.billable(),
                    parent,
                    level,
                    chapter,
                    block,
                    notesOf(code.notes()),
                    sevenChrDefOf(code.notes()),
                    null,
                    shortTitle));
        }
        return new CodeSet(
                release.system(),
                release.version(),
                release.label(),
                "imported from " + String.join(", ", release.sourceFiles()),
                chapters,
                blocks,
                entries,
                indexTree(release.indexTerms()),
                modifiers);
    }

    static InstructionalNotes notesOf(List<ImportedNote> notes) {
        if (notes.isEmpty()) {
            return InstructionalNotes.NONE;
        }
        Map<NoteKind, List<String>> byKind = new EnumMap<>(NoteKind.class);
        for (ImportedNote note : notes) {
            NoteKind kind = NoteKind.fromKeyword(note.type().elementName());
            if (kind != null) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(note.text());
            }
        }
        if (byKind.isEmpty()) {
            return InstructionalNotes.NONE;
        }
        return new InstructionalNotes(
                get(byKind, NoteKind.INCLUDES),
                get(byKind, NoteKind.INCLUSION_TERM),
                get(byKind, NoteKind.EXCLUDES1),
                get(byKind, NoteKind.EXCLUDES2),
                get(byKind, NoteKind.CODE_FIRST),
                get(byKind, NoteKind.USE_ADDITIONAL_CODE),
                get(byKind, NoteKind.CODE_ALSO));
    }

    private static List<String> get(Map<NoteKind, List<String>> byKind, NoteKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    static SevenChrDef sevenChrDefOf(List<ImportedNote> notes) {
        List<SeventhCharacter> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (ImportedNote note : notes) {
            if (note.type() == NoteType.SEVEN_CHR_DEF) {
                int tab = note.text().indexOf('\t');
                values.add(
                        new SeventhCharacter(note.text().charAt(0), note.text().substring(tab + 1)));
            } else if (note.type() == NoteType.SEVEN_CHR_NOTE) {
                texts.add(note.text());
            }
        }
        return values.isEmpty() ? null : new SevenChrDef(values, String.join(" ", texts));
    }

    /** Rebuilds the nested index from flat entries that come parent-first (book order). */
    public static List<IndexTerm> indexTree(List<ImportedIndexTerm> flat) {
        List<IndexTerm> roots = new ArrayList<>();
        Deque<Builder> stack = new ArrayDeque<>();
        IndexKind currentKind = null;
        for (ImportedIndexTerm term : flat) {
            if (term.index() != currentKind) {
                while (!stack.isEmpty()) {
                    close(stack, roots);
                }
                currentKind = term.index();
            }
            while (stack.size() > term.level()) {
                close(stack, roots);
            }
            Builder builder = new Builder(term);
            for (ImportedIndexTerm.Cell cell : term.cells()) {
                builder.children.add(new IndexTerm(cell.column(), "", stripDash(cell.code()), "", "", List.of()));
            }
            stack.push(builder);
        }
        while (!stack.isEmpty()) {
            close(stack, roots);
        }
        return roots;
    }

    private static void close(Deque<Builder> stack, List<IndexTerm> roots) {
        Builder done = stack.pop();
        IndexTerm built = done.build();
        if (stack.isEmpty()) {
            roots.add(built);
        } else {
            stack.peek().children.add(built);
        }
    }

    /** The codebook model wants "E11.4" where the index prints "E11.4-" (see the Tabular). */
    private static String stripDash(String code) {
        return code.endsWith("-") ? code.substring(0, code.length() - 1) : code;
    }

    private static final class Builder {
        final ImportedIndexTerm term;
        final List<IndexTerm> children = new ArrayList<>();

        Builder(ImportedIndexTerm term) {
            this.term = term;
        }

        IndexTerm build() {
            // The codebook model has one code per term; the bracketed manifestation code stays in the store.
            return new IndexTerm(
                    term.term(), term.nemod(), stripDash(term.code()), term.see(), term.seeAlso(), children);
        }
    }
}
