package org.chart2claim.codebook;

import java.util.List;

/**
 * One version of one code system as loaded from the curated code books or imported from an official
 * release: the unit that gets indexed, searched and made "active".
 *
 * @param system     ICD-10-CM, HCPCS or CPT
 * @param version    version label shown everywhere, e.g. {@code FY2026} or {@code 2020 annual}
 * @param label      human description ("ICD-10-CM FY2026, curated training subset")
 * @param source     where the content comes from and how it was checked (one line)
 * @param chapters   Tabular chapters / sections in book order
 * @param blocks     blocks (ranges of categories) in book order
 * @param entries    every code and header in book order (parents before children)
 * @param indexTerms Alphabetic Index main terms (with nested subterms); empty when the set has none
 * @param modifiers  modifiers that belong to the set (HCPCS/CPT); empty for diagnoses
 */
public record CodeSet(
        CodeSystem system,
        String version,
        String label,
        String source,
        List<Chapter> chapters,
        List<Block> blocks,
        List<CodeEntry> entries,
        List<IndexTerm> indexTerms,
        List<Modifier> modifiers) {

    public CodeSet {
        chapters = List.copyOf(chapters);
        blocks = List.copyOf(blocks);
        entries = List.copyOf(entries);
        indexTerms = List.copyOf(indexTerms);
        modifiers = List.copyOf(modifiers);
    }

    /** The lookup info of an entry, tagged with this set's system and version. */
    public CodeInfo info(CodeEntry entry) {
        return new CodeInfo(system, entry.code(), entry.title(), entry.billable(), version);
    }
}
