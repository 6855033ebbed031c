package org.chart2claim.codebook.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSystem;

/**
 * Reads the ICD-10-CM Tabular List XML ({@code icd10cm_tabular_YYYY.xml}) with StAX: chapters,
 * sections (blocks), the nested {@code diag} hierarchy with all instructional notes, and the
 * 7th-character definitions, from which it generates every valid 7-character code the way the order
 * file lists them: the code is padded with the placeholder X to six characters and the 7th character
 * appended ({@code T07} + A → {@code T07.XXXA}); its title is the leaf title, a comma and the meaning of
 * the 7th character. A leaf that takes a 7th character becomes a header.
 */
public final class TabularXmlParser {

    public static final String ROOT = "ICD10CM.tabular";

    /** Everything the Tabular defines, in book order. */
    public record Tabular(
            String version,
            List<ImportedHeading> headings,
            List<ImportedCode> codes,
            int diagCount,
            int generatedCount) {

        public long billableCount() {
            return codes.stream().filter(ImportedCode::billable).count();
        }
    }

    private static final class Diag {
        final String code;
        final Diag parent;
        final String section;
        String title = "";
        final List<ImportedNote> notes = new ArrayList<>();
        Map<String, String> sevenChr;
        final List<Diag> children = new ArrayList<>();

        Diag(String code, Diag parent, String section) {
            this.code = code;
            this.parent = parent;
            this.section = section;
        }

        Map<String, String> effectiveSevenChr() {
            for (Diag d = this; d != null; d = d.parent) {
                if (d.sevenChr != null) {
                    return d.sevenChr;
                }
            }
            return null;
        }
    }

    public Tabular parse(InputStream in, String fileName, Consumer<String> versionCheck) {
        SecureXml xml = SecureXml.open(in, fileName);
        try {
            String root = xml.root();
            if (!ROOT.equals(root)) {
                throw xml.problem("root element is <" + root + ">, expected <" + ROOT + ">: not a Tabular List file");
            }
            String version = null;
            List<ImportedHeading> headings = new ArrayList<>();
            List<Diag> categories = new ArrayList<>();
            int[] diagCount = {0};
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "version" -> {
                        version = xml.text();
                        if (versionCheck != null) {
                            versionCheck.accept(version);
                        }
                    }
                    case "chapter" -> parseChapter(xml, headings, categories, diagCount);
                    default -> xml.skip();
                }
            }
            if (version == null || version.isBlank()) {
                throw new CodeSetImportException(fileName, 0, "no <version> element: cannot tell the fiscal year");
            }
            if (categories.isEmpty()) {
                throw new CodeSetImportException(fileName, 0, "no <diag> codes found");
            }
            List<ImportedCode> codes = new ArrayList<>(diagCount[0] * 2);
            int[] generated = {0};
            for (Diag category : categories) {
                emit(category, codes, generated);
            }
            return new Tabular(version, headings, codes, diagCount[0], generated[0]);
        } finally {
            xml.close();
        }
    }

    private void parseChapter(SecureXml xml, List<ImportedHeading> headings, List<Diag> categories, int[] diagCount) {
        String number = null;
        String title = "";
        List<ImportedNote> notes = new ArrayList<>();
        int chapterHeadingIndex = headings.size();
        headings.add(null); // placeholder: the chapter precedes its sections in book order
        while (xml.nextChild()) {
            String name = xml.name();
            ImportedNote.NoteType noteType = ImportedNote.NoteType.fromElement(name);
            if (name.equals("name")) {
                number = xml.text();
            } else if (name.equals("desc")) {
                title = xml.text();
            } else if (noteType != null) {
                readNotes(xml, noteType, notes);
            } else if (name.equals("section")) {
                if (number == null) {
                    throw xml.problem("<section> before the chapter's <name>");
                }
                parseSection(xml, number, headings, categories, diagCount);
            } else {
                xml.skip();
            }
        }
        if (number == null) {
            throw xml.problem("chapter without <name>");
        }
        headings.set(
                chapterHeadingIndex, new ImportedHeading(ImportedHeading.Kind.CHAPTER, number, title, null, notes));
    }

    private void parseSection(
            SecureXml xml, String chapter, List<ImportedHeading> headings, List<Diag> categories, int[] diagCount) {
        String id = xml.attribute("id");
        if (id == null || id.isBlank()) {
            throw xml.problem("<section> without id attribute");
        }
        String title = "";
        List<ImportedNote> notes = new ArrayList<>();
        int index = headings.size();
        headings.add(null);
        while (xml.nextChild()) {
            String name = xml.name();
            ImportedNote.NoteType noteType = ImportedNote.NoteType.fromElement(name);
            if (name.equals("desc")) {
                title = xml.text();
            } else if (noteType != null) {
                readNotes(xml, noteType, notes);
            } else if (name.equals("diag")) {
                categories.add(parseDiag(xml, null, id, diagCount));
            } else {
                xml.skip();
            }
        }
        headings.set(index, new ImportedHeading(ImportedHeading.Kind.SECTION, id, title, chapter, notes));
    }

    private Diag parseDiag(SecureXml xml, Diag parent, String section, int[] diagCount) {
        int startLine = xml.line();
        Diag diag = null;
        List<ImportedNote> pendingNotes = new ArrayList<>();
        Map<String, String> pendingSevenChr = null;
        String pendingTitle = "";
        while (xml.nextChild()) {
            String name = xml.name();
            ImportedNote.NoteType noteType = ImportedNote.NoteType.fromElement(name);
            if (name.equals("name")) {
                String code = xml.text();
                if (!IcdCodes.isDotted(code)) {
                    throw xml.problem("'" + code + "' is not an ICD-10-CM code");
                }
                if (parent != null && !CodeFormat.undotted(code).startsWith(CodeFormat.undotted(parent.code))) {
                    throw xml.problem("code " + code + " is nested under " + parent.code + " but does not extend it");
                }
                diag = new Diag(code, parent, section);
            } else if (name.equals("desc")) {
                pendingTitle = xml.text();
            } else if (noteType == ImportedNote.NoteType.SEVEN_CHR_DEF) {
                pendingSevenChr = readSevenChrDef(xml, pendingNotes);
            } else if (noteType != null) {
                readNotes(xml, noteType, pendingNotes);
            } else if (name.equals("diag")) {
                if (diag == null) {
                    throw xml.problem("nested <diag> before its parent's <name>");
                }
                diag.children.add(parseDiag(xml, diag, section, diagCount));
            } else {
                xml.skip(); // e.g. the visual impairment table under H54
            }
        }
        if (diag == null) {
            throw new CodeSetImportException(xml.fileName(), startLine, "<diag> without <name>");
        }
        if (pendingTitle.isEmpty()) {
            throw new CodeSetImportException(xml.fileName(), startLine, "code " + diag.code + " has no <desc>");
        }
        diag.title = pendingTitle;
        diag.notes.addAll(pendingNotes);
        diag.sevenChr = pendingSevenChr;
        diagCount[0]++;
        return diag;
    }

    private Map<String, String> readSevenChrDef(SecureXml xml, List<ImportedNote> notes) {
        Map<String, String> definitions = new LinkedHashMap<>();
        while (xml.nextChild()) {
            if (xml.name().equals("extension")) {
                String character = xml.attribute("char");
                if (character == null || character.length() != 1) {
                    throw xml.problem("<extension> needs a one-character char attribute");
                }
                String meaning = xml.text();
                definitions.put(character, meaning);
                notes.add(new ImportedNote(ImportedNote.NoteType.SEVEN_CHR_DEF, character + "\t" + meaning));
            } else {
                xml.skip();
            }
        }
        if (definitions.isEmpty()) {
            throw xml.problem("<sevenChrDef> without any <extension>");
        }
        return definitions;
    }

    private void readNotes(SecureXml xml, ImportedNote.NoteType type, List<ImportedNote> notes) {
        while (xml.nextChild()) {
            if (xml.name().equals("note")) {
                String text = xml.text();
                if (!text.isEmpty()) {
                    notes.add(new ImportedNote(type, text));
                }
            } else {
                xml.skip();
            }
        }
    }

    private void emit(Diag diag, List<ImportedCode> out, int[] generated) {
        String parentId = diag.parent == null ? diag.section : diag.parent.code;
        Map<String, String> sevenChr = diag.children.isEmpty() ? diag.effectiveSevenChr() : null;
        boolean billable = diag.children.isEmpty() && sevenChr == null;
        out.add(new ImportedCode(
                CodeSystem.ICD10CM, diag.code, diag.title, diag.title, billable, parentId, diag.notes, null));
        for (Diag child : diag.children) {
            emit(child, out, generated);
        }
        if (sevenChr != null) {
            String base = padWithPlaceholder(CodeFormat.undotted(diag.code));
            for (Map.Entry<String, String> definition : sevenChr.entrySet()) {
                String code = CodeFormat.dotted(base + definition.getKey());
                String title = diag.title + ", " + definition.getValue();
                out.add(new ImportedCode(CodeSystem.ICD10CM, code, title, title, true, diag.code, null, null));
                generated[0]++;
            }
        }
    }

    /** The placeholder X fills the 4th to 6th characters so the 7th character always sits in position 7. */
    static String padWithPlaceholder(String undotted) {
        StringBuilder padded = new StringBuilder(undotted);
        while (padded.length() < 6) {
            padded.append('X');
        }
        return padded.toString();
    }
}
