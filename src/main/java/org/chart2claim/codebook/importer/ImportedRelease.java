package org.chart2claim.codebook.importer;

import java.util.List;
import org.chart2claim.codebook.CodeSystem;

/**
 * One imported code-set version of one system, complete and validated: what gets persisted under
 * {@code data/codesets/} and turned into a {@link org.chart2claim.codebook.CodeSet} for search.
 *
 * @param version     {@code FY2026} for ICD-10-CM, {@code 2020} for HCPCS and CPT
 * @param year        the numeric year, used to pick the newest set
 * @param sourceFiles names of the files it was built from
 */
public record ImportedRelease(
        CodeSystem system,
        String version,
        int year,
        List<String> sourceFiles,
        List<ImportedHeading> headings,
        List<ImportedCode> codes,
        List<ImportedIndexTerm> indexTerms) {

    public ImportedRelease {
        sourceFiles = List.copyOf(sourceFiles);
        headings = List.copyOf(headings);
        codes = List.copyOf(codes);
        indexTerms = List.copyOf(indexTerms);
    }

    public static String versionLabel(CodeSystem system, int year) {
        return system == CodeSystem.ICD10CM ? "FY" + year : Integer.toString(year);
    }

    /** Stable id of the set, also its folder name: {@code ICD10CM-FY2026}. */
    public String id() {
        return system.name() + "-" + version;
    }

    public long billableCount() {
        return codes.stream().filter(ImportedCode::billable).count();
    }

    public String label() {
        return switch (system) {
            case ICD10CM -> "ICD-10-CM " + version + " (official CMS/NCHS release, imported)";
            case HCPCS -> "HCPCS Level II " + version + " annual file (CMS, imported)";
            case CPT -> "CPT " + version + " (licensed file, imported)";
        };
    }
}
