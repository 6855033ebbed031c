package org.chart2claim.codebook.importer;

import java.util.List;

/**
 * A Tabular grouping above the categories: a chapter ({@code id} = chapter number, e.g. "19") or a
 * section/block ({@code id} = its range, e.g. "S70-S79", {@code chapter} = the chapter number).
 */
public record ImportedHeading(Kind kind, String id, String title, String chapter, List<ImportedNote> notes) {

    public enum Kind {
        CHAPTER,
        SECTION
    }

    public ImportedHeading {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
