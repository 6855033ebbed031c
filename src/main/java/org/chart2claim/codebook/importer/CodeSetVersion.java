package org.chart2claim.codebook.importer;

import java.time.Instant;
import org.chart2claim.codebook.CodeSystem;

/**
 * One code-set version the admin can see and activate: an imported release or the shipped curated book.
 *
 * @param setId      {@code ICD10CM-FY2026}, or {@link CodeSetImportService#CURATED} for the shipped book
 * @param entries    codes and headers; -1 when unknown (curated book before the codebook feature loaded it)
 */
public record CodeSetVersion(
        String setId,
        CodeSystem system,
        String version,
        int year,
        String label,
        String sourceFiles,
        int entries,
        int billable,
        int indexTerms,
        Instant importedAt,
        String importedBy,
        boolean active) {

    public boolean curated() {
        return CodeSetImportService.CURATED.equals(setId);
    }
}
