package org.chart2claim.codebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the Tabular List shows about one code, flattened for the API and the search view.
 *
 * @param breadcrumbs chapter → block → category → ... → the code
 * @param notes       own notes first, then inherited ones (subcategory, category, block, chapter)
 * @param seventh     the 7th-character table in force (declared here or above), or null
 * @param children    direct children (more specific codes)
 * @param siblings    codes with the same parent
 * @param rules       payment data (procedure codes), or null
 */
public record CodeDetail(
        CodeSystem system,
        String code,
        String title,
        boolean billable,
        String version,
        String shortTitle,
        String parent,
        List<CodeBook.Crumb> breadcrumbs,
        List<Note> notes,
        SevenChrDef seventh,
        List<Brief> children,
        List<Brief> siblings,
        BillingRules rules) {

    /** One note line and where it is printed ({@code inherited} when above the code). */
    public record Note(
            String kind, String label, String text, String printedAt, String printedAtLevel, boolean inherited) {}

    /** A code in a list. */
    public record Brief(String code, String title, boolean billable) {
        static Brief of(CodeEntry e) {
            return new Brief(e.code(), e.title(), e.billable());
        }
    }

    /** Builds the detail of an entry of a book. */
    public static CodeDetail of(CodeBook book, CodeEntry entry) {
        List<Note> notes = new ArrayList<>();
        for (CodeBook.NotesAt at : book.applicableNotes(entry)) {
            boolean inherited = !at.label().equals(entry.code());
            for (NoteKind kind : NoteKind.values()) {
                for (String text : at.notes().get(kind)) {
                    notes.add(new Note(kind.keyword(), kind.label(), text, at.label(), at.level(), inherited));
                }
            }
        }
        return new CodeDetail(
                book.system(),
                entry.code(),
                entry.title(),
                entry.billable(),
                book.version(),
                entry.shortTitle(),
                entry.parent(),
                book.breadcrumbs(entry),
                notes,
                book.sevenChrDefFor(entry).orElse(null),
                book.childrenOf(entry).stream().map(Brief::of).toList(),
                book.siblingsOf(entry).stream().map(Brief::of).toList(),
                entry.rules());
    }
}
