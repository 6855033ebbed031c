package org.chart2claim.codebook.importer;

import org.chart2claim.codebook.CodeSystem;

/** The official release files the importer understands. */
public enum ReleaseFileKind {
    ICD10CM_ORDER(CodeSystem.ICD10CM, "ICD-10-CM order file"),
    ICD10CM_TABULAR(CodeSystem.ICD10CM, "ICD-10-CM Tabular List XML"),
    ICD10CM_INDEX(CodeSystem.ICD10CM, "ICD-10-CM Alphabetic Index XML"),
    ICD10CM_EXTERNAL_CAUSE_INDEX(CodeSystem.ICD10CM, "ICD-10-CM External Cause Index XML"),
    ICD10CM_NEOPLASM_TABLE(CodeSystem.ICD10CM, "ICD-10-CM Table of Neoplasms XML"),
    ICD10CM_DRUG_TABLE(CodeSystem.ICD10CM, "ICD-10-CM Table of Drugs and Chemicals XML"),
    HCPCS_ANNUAL(CodeSystem.HCPCS, "HCPCS Level II annual file"),
    CPT_LICENSED(CodeSystem.CPT, "licensed CPT file (code<TAB>descriptor)");

    private final CodeSystem system;
    private final String description;

    ReleaseFileKind(CodeSystem system, String description) {
        this.system = system;
        this.description = description;
    }

    public CodeSystem system() {
        return system;
    }

    public String description() {
        return description;
    }

    boolean isIndex() {
        return this == ICD10CM_INDEX
                || this == ICD10CM_EXTERNAL_CAUSE_INDEX
                || this == ICD10CM_NEOPLASM_TABLE
                || this == ICD10CM_DRUG_TABLE;
    }
}
