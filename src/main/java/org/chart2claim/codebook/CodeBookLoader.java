package org.chart2claim.codebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the line-based code-book format described in {@code codebooks/README.md}. Plain Java, no Spring:
 * give it the files (name + text) in load order; every format error becomes a
 * {@link CodeBookFormatException} naming the file and line.
 */
public final class CodeBookLoader {

    /** One code-book file: its name (for messages) and its full text. */
    public record Source(String name, String text) {}

    private final Map<String, SetBuilder> sets = new LinkedHashMap<>();
    private final List<Synonym> synonyms = new ArrayList<>();
    private final List<PendingCheck> synonymChecks = new ArrayList<>();

    private CodeBookLoader() {}

    /** Parses the files and validates cross-file references (index and synonym codes). */
    public static LoadedCodeBooks load(List<Source> sources) {
        CodeBookLoader loader = new CodeBookLoader();
        MessageDigest digest = sha256();
        for (Source source : sources) {
            digest.update(source.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(source.text().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            loader.parse(source);
        }
        List<CodeSet> built = new ArrayList<>();
        for (SetBuilder set : loader.sets.values()) {
            built.add(set.build());
        }
        loader.checkSynonyms(built);
        return new LoadedCodeBooks(built, loader.synonyms, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void parse(Source source) {
        String[] lines = source.text().split("\r?\n", -1);
        SetBuilder set = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Ctx ctx = new Ctx(source.name(), number);
            String record = f[0];
            if (record.equals("set")) {
                ctx.fields(f, 3, 3);
                CodeSystem system = ctx.system(f[1]);
                String version = ctx.text(f[2], "version");
                set = sets.computeIfAbsent(system + "\u0000" + version, k -> new SetBuilder(system, version));
                set.startFile();
                continue;
            }
            if (record.equals("synonym")) {
                ctx.fields(f, 3, 4);
                List<String> expansions = splitBar(f[2]);
                List<String> codes = f.length > 3 ? splitBar(f[3]) : List.of();
                if (expansions.isEmpty()) {
                    throw ctx.error("synonym '" + f[1] + "' needs at least one expansion");
                }
                synonyms.add(new Synonym(ctx.text(f[1], "term"), expansions, codes));
                synonymChecks.add(new PendingCheck(ctx, codes));
                continue;
            }
            if (set == null) {
                throw ctx.error("'" + record + "' before the 'set' line that names the code set");
            }
            set.accept(ctx, f);
        }
        if (set != null) {
            set.endFile();
        }
    }

    private void checkSynonyms(List<CodeSet> built) {
        Set<String> known = new HashSet<>();
        for (CodeSet set : built) {
            for (CodeEntry entry : set.entries()) {
                known.add(CodeFormat.compact(set.system(), entry.code()));
            }
        }
        for (PendingCheck check : synonymChecks) {
            for (String code : check.codes()) {
                if (!known.contains(CodeFormat.compact(CodeSystem.ICD10CM, code))) {
                    throw check.ctx().error("synonym names code " + code + " which is in no code book");
                }
            }
        }
    }

    private static List<String> splitBar(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private record PendingCheck(Ctx ctx, List<String> codes) {}

    /** Position in a file, for messages. */
    private record Ctx(String file, int line) {
        CodeBookFormatException error(String message) {
            return new CodeBookFormatException(file, line, message);
        }

        void fields(String[] f, int min, int max) {
            if (f.length < min || f.length > max) {
                String expected = min == max ? String.valueOf(min) : min + " to " + max;
                throw error("'" + f[0] + "' needs " + expected + " tab-separated fields, found " + f.length);
            }
        }

        String text(String value, String what) {
            String stripped = value.strip();
            if (stripped.isEmpty()) {
                throw error(what + " is empty");
            }
            return stripped;
        }

        CodeSystem system(String value) {
            try {
                return CodeSystem.valueOf(value.strip());
            } catch (IllegalArgumentException e) {
                throw error("unknown code system '" + value + "' (ICD10CM, HCPCS or CPT)");
            }
        }
    }

    /** Accumulates one code set across files. */
    private static final class SetBuilder {
        final CodeSystem system;
        final String version;
        final List<Chapter> chapters = new ArrayList<>();
        final List<Block> blocks = new ArrayList<>();
        final List<MutableEntry> entries = new ArrayList<>();
        final Map<String, MutableEntry> byCompact = new HashMap<>();
        final List<Modifier> modifiers = new ArrayList<>();
        final Set<String> modifierCodes = new HashSet<>();
        final List<IndexBuilder> indexRoots = new ArrayList<>();
        final List<PendingIndex> indexChecks = new ArrayList<>();
        final Deque<IndexBuilder> indexStack = new ArrayDeque<>();

        String chapterId;
        String blockRange;
        NoteTarget noteTarget;
        MutableEntry lastCode;

        SetBuilder(CodeSystem system, String version) {
            this.system = system;
            this.version = version;
        }

        /** Hierarchy context does not carry over from one file to the next. */
        void startFile() {
            chapterId = null;
            blockRange = null;
            noteTarget = null;
            lastCode = null;
            indexStack.clear();
        }

        void endFile() {
            indexStack.clear();
        }

        void accept(Ctx ctx, String[] f) {
            switch (f[0]) {
                case "chapter" -> chapter(ctx, f);
                case "block" -> block(ctx, f);
                case "code" -> code(ctx, f);
                case "note" -> note(ctx, f);
                case "7chr" -> seventh(ctx, f);
                case "7chrnote" -> seventhNote(ctx, f);
                case "rules" -> rules(ctx, f);
                case "modifier" -> modifier(ctx, f);
                case "index" -> index(ctx, f);
                default -> throw ctx.error("unknown record '" + f[0] + "' (see codebooks/README.md)");
            }
        }

        void chapter(Ctx ctx, String[] f) {
            ctx.fields(f, 4, 4);
            String id = ctx.text(f[1], "chapter id");
            if (chapterTargets.containsKey(id)) {
                throw ctx.error("chapter " + id + " is defined twice");
            }
            Range range = Range.parse(ctx, f[2]);
            NoteTarget target = new NoteTarget();
            chapters.add(null);
            int index = chapters.size() - 1;
            target.onBuild = notes -> chapters.set(index, new Chapter(id, range.text, f[3].strip(), notes));
            target.range = range;
            chapterTargets.put(id, target);
            chapterId = id;
            blockRange = null;
            noteTarget = target;
            lastCode = null;
            ctx.text(f[3], "chapter title");
        }

        final Map<String, NoteTarget> chapterTargets = new HashMap<>();
        final Map<String, NoteTarget> blockTargets = new HashMap<>();

        void block(Ctx ctx, String[] f) {
            ctx.fields(f, 3, 3);
            if (chapterId == null) {
                throw ctx.error("block before any chapter");
            }
            Range range = Range.parse(ctx, f[1]);
            if (blockTargets.containsKey(range.text)) {
                throw ctx.error("block " + range.text + " is defined twice");
            }
            Range chapterRange = chapterTargets.get(chapterId).range;
            if (!chapterRange.containsRange(range)) {
                throw ctx.error(
                        "block " + range.text + " lies outside chapter " + chapterId + " (" + chapterRange.text + ")");
            }
            String title = ctx.text(f[2], "block title");
            String owner = chapterId;
            blocks.add(null);
            int index = blocks.size() - 1;
            NoteTarget target = new NoteTarget();
            target.range = range;
            target.onBuild = notes -> blocks.set(index, new Block(range.text, title, owner, notes));
            blockTargets.put(range.text, target);
            blockRange = range.text;
            noteTarget = target;
            lastCode = null;
        }

        void code(Ctx ctx, String[] f) {
            ctx.fields(f, 4, 5);
            if (blockRange == null) {
                throw ctx.error("code before any block");
            }
            String raw = ctx.text(f[1], "code");
            String compact = CodeFormat.compact(system, raw);
            if (compact.isEmpty() || !raw.strip().equals(CodeFormat.display(system, raw))) {
                throw ctx.error("code '" + raw + "' is not written as printed (expected "
                        + CodeFormat.display(system, raw) + ")");
            }
            if (byCompact.containsKey(compact)) {
                throw ctx.error("code " + raw + " is defined twice");
            }
            boolean billable = switch (f[2].strip()) {
                case "B" -> true;
                case "H" -> false;
                default ->
                    throw ctx.error("second field of a code must be B (billable) or H (header), not '" + f[2] + "'");
            };
            Range block = blockTargets.get(blockRange).range;
            if (!block.containsCode(system, compact)) {
                throw ctx.error("code " + raw + " lies outside block " + blockRange);
            }
            MutableEntry entry = new MutableEntry();
            entry.ctx = ctx;
            entry.code = CodeFormat.display(system, compact);
            entry.compact = compact;
            entry.title = ctx.text(f[3], "title");
            entry.shortTitle = f.length > 4 ? f[4].strip() : "";
            entry.billable = billable;
            entry.chapter = chapterId;
            entry.block = blockRange;
            if (system == CodeSystem.ICD10CM) {
                if (compact.length() < 3 || compact.length() > 7) {
                    throw ctx.error("ICD-10-CM code " + raw + " must have 3 to 7 characters");
                }
                for (int len = compact.length() - 1; len >= 3; len--) {
                    MutableEntry parent = byCompact.get(compact.substring(0, len));
                    if (parent != null) {
                        entry.parent = parent;
                        parent.children++;
                        break;
                    }
                }
                if (compact.length() > 3 && entry.parent == null) {
                    throw ctx.error("code " + raw + " has no parent: its category " + compact.substring(0, 3)
                            + " must come first");
                }
                if (entry.parent != null && entry.parent.billable) {
                    throw ctx.error("code " + raw + " is below billable code " + entry.parent.code
                            + " (a code with children must be a header, H)");
                }
            }
            entries.add(entry);
            byCompact.put(compact, entry);
            noteTarget = entry.notes;
            lastCode = entry;
        }

        void note(Ctx ctx, String[] f) {
            ctx.fields(f, 3, 3);
            if (noteTarget == null) {
                throw ctx.error("note before any chapter, block or code");
            }
            NoteKind kind = NoteKind.fromKeyword(f[1].strip());
            if (kind == null) {
                throw ctx.error("unknown note kind '" + f[1] + "' (includes, inclusionTerm, excludes1, excludes2, "
                        + "codeFirst, useAdditionalCode, codeAlso)");
            }
            noteTarget.notes.get(kind).add(ctx.text(f[2], "note text"));
        }

        void seventh(Ctx ctx, String[] f) {
            ctx.fields(f, 3, 3);
            MutableEntry entry = requireCode(ctx, "7chr");
            String ch = f[1].strip();
            if (ch.length() != 1 || !Character.isLetterOrDigit(ch.charAt(0))) {
                throw ctx.error("7th character must be one letter or digit, not '" + f[1] + "'");
            }
            if (entry.compact.length() > 6) {
                throw ctx.error("7th characters can only be declared on codes of 3 to 6 characters");
            }
            char c = Character.toUpperCase(ch.charAt(0));
            for (SeventhCharacter existing : entry.seventh) {
                if (existing.character() == c) {
                    throw ctx.error("7th character " + c + " declared twice on " + entry.code);
                }
            }
            entry.seventh.add(new SeventhCharacter(c, ctx.text(f[2], "7th-character meaning")));
        }

        void seventhNote(Ctx ctx, String[] f) {
            ctx.fields(f, 2, 2);
            MutableEntry entry = requireCode(ctx, "7chrnote");
            entry.seventhNote = ctx.text(f[1], "7th-character note");
        }

        void rules(Ctx ctx, String[] f) {
            ctx.fields(f, 5, 6);
            MutableEntry entry = requireCode(ctx, "rules");
            if (entry.rules != null) {
                throw ctx.error("rules given twice for " + entry.code);
            }
            String global = f[1].strip();
            if (!Set.of("000", "010", "090", "XXX", "YYY", "ZZZ", "MMM", "").contains(global)) {
                throw ctx.error("global period must be 000, 010, 090, XXX, YYY, ZZZ or MMM, not '" + global + "'");
            }
            String pcTc = f[2].strip();
            if (!pcTc.matches("[0-9]?")) {
                throw ctx.error("PC/TC indicator must be one digit, not '" + pcTc + "'");
            }
            String bilateral = f[3].strip();
            if (!bilateral.matches("[0-39]?")) {
                throw ctx.error("bilateral indicator must be 0, 1, 2, 3 or 9, not '" + bilateral + "'");
            }
            boolean addOn = switch (f[4].strip()) {
                case "Y" -> true;
                case "N", "" -> false;
                default -> throw ctx.error("add-on flag must be Y or N, not '" + f[4] + "'");
            };
            entry.rules = new BillingRules(global, pcTc, bilateral, addOn, f.length > 5 ? f[5].strip() : "");
        }

        void modifier(Ctx ctx, String[] f) {
            ctx.fields(f, 4, 5);
            String code = ctx.text(f[1], "modifier").toUpperCase();
            if (code.length() != 2) {
                throw ctx.error("a modifier has 2 characters, not '" + f[1] + "'");
            }
            if (!modifierCodes.add(code)) {
                throw ctx.error("modifier " + code + " is defined twice");
            }
            modifiers.add(new Modifier(
                    code, ctx.text(f[3], "modifier meaning"), f.length > 4 ? f[4].strip() : "", f[2].strip()));
        }

        void index(Ctx ctx, String[] f) {
            ctx.fields(f, 3, 7);
            int level;
            try {
                level = Integer.parseInt(f[1].strip());
            } catch (NumberFormatException e) {
                throw ctx.error("index level must be a number, not '" + f[1] + "'");
            }
            if (level < 0 || level > indexStack.size()) {
                throw ctx.error("index level " + level + " does not follow level " + (indexStack.size() - 1)
                        + " (subterms go one level deeper at most)");
            }
            IndexBuilder term = new IndexBuilder();
            term.term = ctx.text(f[2], "index term");
            term.nemod = field(f, 3);
            term.code = field(f, 4);
            term.see = field(f, 5);
            term.seeAlso = field(f, 6);
            if (!term.code.isEmpty()) {
                indexChecks.add(new PendingIndex(ctx, term.code));
            }
            while (indexStack.size() > level) {
                indexStack.pop();
            }
            if (level == 0) {
                indexRoots.add(term);
            } else {
                indexStack.peek().subterms.add(term);
            }
            indexStack.push(term);
        }

        private static String field(String[] f, int i) {
            return i < f.length ? f[i].strip() : "";
        }

        MutableEntry requireCode(Ctx ctx, String record) {
            if (lastCode == null) {
                throw ctx.error("'" + record + "' must follow a code line");
            }
            return lastCode;
        }

        CodeSet build() {
            for (NoteTarget target : chapterTargets.values()) {
                target.build();
            }
            for (NoteTarget target : blockTargets.values()) {
                target.build();
            }
            List<CodeEntry> built = new ArrayList<>(entries.size());
            for (MutableEntry e : entries) {
                if (system == CodeSystem.ICD10CM) {
                    if (!e.billable && e.children == 0) {
                        throw e.ctx.error("header " + e.code + " has no children (mark it B if it is billable)");
                    }
                    if (e.billable && e.children > 0) {
                        throw e.ctx.error("billable code " + e.code + " has children");
                    }
                }
                SevenChrDef seven = e.seventh.isEmpty() ? null : new SevenChrDef(e.seventh, e.seventhNote);
                built.add(new CodeEntry(
                        e.code,
                        e.title,
                        e.billable,
                        e.parent == null ? null : e.parent.code,
                        e.compact.length(),
                        e.chapter,
                        e.block,
                        e.notes.build(),
                        seven,
                        e.rules,
                        e.shortTitle));
            }
            for (PendingIndex check : indexChecks) {
                if (!byCompact.containsKey(CodeFormat.compact(system, check.code()))) {
                    throw check.ctx()
                            .error("index term leads to code " + check.code() + " which is not in " + system + " "
                                    + version);
                }
            }
            List<IndexTerm> index = indexRoots.stream().map(IndexBuilder::build).toList();
            return new CodeSet(system, version, label(), source(), chapters, blocks, built, index, modifiers);
        }

        private String label() {
            return switch (system) {
                case ICD10CM -> "ICD-10-CM " + version + " (curated training subset)";
                case HCPCS -> "HCPCS Level II " + version + " (curated training subset)";
                case CPT -> "CPT-style codes, " + version + " (descriptions written by Chart2Claim)";
            };
        }

        private String source() {
            return "Chart2Claim code books (codebooks/), see codebooks/README.md";
        }
    }

    private record PendingIndex(Ctx ctx, String code) {}

    /** Collects the notes of one chapter, block or code. */
    private static final class NoteTarget {
        final Map<NoteKind, List<String>> notes = new EnumMap<>(NoteKind.class);
        Range range;
        java.util.function.Consumer<InstructionalNotes> onBuild;

        NoteTarget() {
            for (NoteKind kind : NoteKind.values()) {
                notes.put(kind, new ArrayList<>());
            }
        }

        List<String> get(NoteKind kind) {
            return notes.get(kind);
        }

        InstructionalNotes build() {
            InstructionalNotes built = new InstructionalNotes(
                    notes.get(NoteKind.INCLUDES),
                    notes.get(NoteKind.INCLUSION_TERM),
                    notes.get(NoteKind.EXCLUDES1),
                    notes.get(NoteKind.EXCLUDES2),
                    notes.get(NoteKind.CODE_FIRST),
                    notes.get(NoteKind.USE_ADDITIONAL_CODE),
                    notes.get(NoteKind.CODE_ALSO));
            InstructionalNotes result = built.isEmpty() ? InstructionalNotes.NONE : built;
            if (onBuild != null) {
                onBuild.accept(result);
            }
            return result;
        }
    }

    private static final class MutableEntry {
        Ctx ctx;
        String code;
        String compact;
        String title;
        String shortTitle;
        boolean billable;
        String chapter;
        String block;
        MutableEntry parent;
        int children;
        final NoteTarget notes = new NoteTarget();
        final List<SeventhCharacter> seventh = new ArrayList<>();
        String seventhNote = "";
        BillingRules rules;
    }

    private static final class IndexBuilder {
        String term;
        String nemod;
        String code;
        String see;
        String seeAlso;
        final List<IndexBuilder> subterms = new ArrayList<>();

        IndexTerm build() {
            return new IndexTerm(
                    term,
                    nemod,
                    code,
                    see,
                    seeAlso,
                    subterms.stream().map(IndexBuilder::build).toList());
        }
    }

    /** A code range such as {@code E08-E13}, {@code 99202-99499} or a single code. */
    private record Range(String text, String first, String last) {
        static Range parse(Ctx ctx, String value) {
            String text = ctx.text(value, "range");
            String[] parts = text.split("-", -1);
            if (parts.length == 1) {
                return new Range(text, parts[0], parts[0]);
            }
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty() || parts[0].compareTo(parts[1]) > 0) {
                throw ctx.error("range must be FIRST-LAST with FIRST <= LAST, not '" + text + "'");
            }
            return new Range(text, parts[0], parts[1]);
        }

        boolean containsCode(CodeSystem system, String compact) {
            String key = system == CodeSystem.ICD10CM ? compact.substring(0, Math.min(3, compact.length())) : compact;
            if (system == CodeSystem.ICD10CM
                    && last.length() == 3
                    && last.charAt(2) == '9'
                    && key.length() == 3
                    && key.startsWith(last.substring(0, 2))
                    && Character.isLetter(key.charAt(2))) {
                // Letter categories such as Z3A or O9A sit after Z39/O99 in the book, inside that block.
                return compareBounded(key, first) >= 0;
            }
            return compareBounded(key, first) >= 0 && compareBounded(key, last) <= 0;
        }

        boolean containsRange(Range inner) {
            return compareBounded(inner.first, first) >= 0 && compareBounded(inner.last, last) <= 0;
        }

        /** Compares on the shorter length so {@code E11} lies within {@code E00-E89} and {@code A0425} in {@code A0000-A9999}. */
        private static int compareBounded(String a, String b) {
            int n = Math.min(a.length(), b.length());
            return a.substring(0, n).compareTo(b.substring(0, n));
        }
    }
}
