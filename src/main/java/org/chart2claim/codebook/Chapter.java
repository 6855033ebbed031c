package org.chart2claim.codebook;

/**
 * Top level of the Tabular List (ICD-10-CM chapter 1–22) or of a procedure code book (a CPT-style
 * section such as "Evaluation and Management", or a HCPCS letter range).
 *
 * @param id    chapter number or short id ({@code 4}, {@code EM}, {@code J})
 * @param range first and last code, e.g. {@code E00-E89}
 * @param title chapter title without the range
 * @param notes chapter-level instructional notes (inherited by every code of the chapter)
 */
public record Chapter(String id, String range, String title, InstructionalNotes notes) {
    public Chapter {
        notes = notes == null ? InstructionalNotes.NONE : notes;
    }
}
