package org.chart2claim.codebook.importer;

import java.util.List;
import org.chart2claim.codebook.CodeSystem;

/**
 * One code (or header) of an imported release, as the importer hands it on.
 *
 * @param code        as printed in the books: ICD-10-CM with its dot ({@code S72.001A}), HCPCS as is
 * @param shortTitle  abbreviated title where the release has one, otherwise the title
 * @param billable    false for headers and for HCPCS codes terminated before the release year
 * @param parent      code of the parent header, or the section/chapter id for categories; null at the top
 * @param notes       Tabular instructional notes attached to this very code (not inherited ones)
 * @param terminationDate HCPCS termination date (yyyy-MM-dd) or null
 */
public record ImportedCode(
        CodeSystem system,
        String code,
        String shortTitle,
        String title,
        boolean billable,
        String parent,
        List<ImportedNote> notes,
        String terminationDate) {

    public ImportedCode {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static ImportedCode simple(
            CodeSystem system, String code, String shortTitle, String title, boolean billable) {
        return new ImportedCode(system, code, shortTitle, title, billable, null, List.of(), null);
    }
}
