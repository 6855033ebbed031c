package org.chart2claim.codebook;

import java.util.List;

/**
 * One code (or header) of a code set, as printed in the books.
 *
 * @param code        code as printed (ICD-10-CM with its dot: {@code E11.9}; HCPCS/CPT 5 characters)
 * @param title       official long title (ICD-10-CM, HCPCS) or our own short description (CPT)
 * @param billable    false for headers that have more specific children (may not go on a claim)
 * @param parent      code of the parent entry ({@code E11.4} for {@code E11.40}); null for a category
 *                    (3-character ICD-10-CM code) and for HCPCS/CPT codes
 * @param level       hierarchy depth: number of code characters without the dot (3 = category,
 *                    4 = subcategory, ... 7 = code with 7th character); HCPCS/CPT codes are 5
 * @param chapter     id of the {@link Chapter} the code belongs to (e.g. {@code 4})
 * @param block       range of the {@link Block} (section) the code belongs to (e.g. {@code E08-E13})
 * @param notes       instructional notes printed at this code (inherited notes are not repeated here)
 * @param sevenChrDef 7th-character table declared at this code, or null (look at the parents too)
 * @param rules       payment data for procedure codes, or null for diagnoses
 * @param shortTitle  abbreviated title (HCPCS short descriptor), empty when the set has none
 */
public record CodeEntry(
        String code,
        String title,
        boolean billable,
        String parent,
        int level,
        String chapter,
        String block,
        InstructionalNotes notes,
        SevenChrDef sevenChrDef,
        BillingRules rules,
        String shortTitle) {

    public CodeEntry {
        notes = notes == null ? InstructionalNotes.NONE : notes;
        shortTitle = shortTitle == null ? "" : shortTitle;
    }

    /** A plain entry without notes, 7th characters or payment data. */
    public static CodeEntry simple(
            String code, String title, boolean billable, String parent, int level, String chapter, String block) {
        return new CodeEntry(
                code, title, billable, parent, level, chapter, block, InstructionalNotes.NONE, null, null, "");
    }

    /** All inclusion terms (handy for search indexing). */
    public List<String> inclusionTerms() {
        return notes.inclusionTerms();
    }
}
