package org.chart2claim.assessment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CPC exam's content areas, each with the question-bank file that holds its questions and the id prefix of
 * those questions (scenarios/questions/README.md). {@code cpcShare} is the number of questions the "CPC practice
 * exam" preset draws from the domain out of 100 ({@link ExamBlueprint#CPC_PRACTICE}); the shares approximate the
 * CPC content outline (surgery split across the five CPT series; our reading, not an official table) and add up
 * to 100. Change a share here and the preset follows; {@code QuestionDomainTest} checks the sum.
 */
public enum QuestionDomain {
    EVALUATION_MANAGEMENT("evaluation-management.yaml", "em-", "Evaluation and management", 8),
    ANESTHESIA("anesthesia.yaml", "an-", "Anesthesia", 4),
    SURGERY_10000_INTEGUMENTARY("surgery-10000.yaml", "s1-", "Surgery 10000: integumentary", 6),
    SURGERY_20000_MUSCULOSKELETAL("surgery-20000.yaml", "s2-", "Surgery 20000: musculoskeletal", 8),
    SURGERY_30000_RESPIRATORY_CARDIO(
            "surgery-30000.yaml", "s3-", "Surgery 30000: respiratory, cardiovascular, hemic, lymphatic", 6),
    SURGERY_40000_DIGESTIVE("surgery-40000.yaml", "s4-", "Surgery 40000: digestive", 6),
    SURGERY_50000_URINARY_REPRODUCTIVE("surgery-50000.yaml", "s5-", "Surgery 50000: urinary and reproductive", 6),
    SURGERY_60000_NERVOUS_EYE_EAR("surgery-60000.yaml", "s6-", "Surgery 60000: nervous system, eye, ear", 6),
    RADIOLOGY("radiology.yaml", "ra-", "Radiology", 6),
    PATHOLOGY_LABORATORY("pathology-laboratory.yaml", "pl-", "Pathology and laboratory", 6),
    MEDICINE("medicine.yaml", "me-", "Medicine", 6),
    ICD_10_CM("icd-10-cm.yaml", "icd-", "ICD-10-CM", 10),
    HCPCS_LEVEL_II("hcpcs.yaml", "hc-", "HCPCS Level II", 4),
    CODING_GUIDELINES("coding-guidelines.yaml", "gl-", "Coding guidelines", 6),
    COMPLIANCE_REGULATORY("compliance.yaml", "co-", "Compliance and regulatory", 2),
    ANATOMY("anatomy.yaml", "at-", "Anatomy", 5),
    MEDICAL_TERMINOLOGY("medical-terminology.yaml", "mt-", "Medical terminology", 5);

    private final String fileName;
    private final String idPrefix;
    private final String label;
    private final int cpcShare;

    QuestionDomain(String fileName, String idPrefix, String label, int cpcShare) {
        this.fileName = fileName;
        this.idPrefix = idPrefix;
        this.label = label;
        this.cpcShare = cpcShare;
    }

    public String fileName() {
        return fileName;
    }

    public String idPrefix() {
        return idPrefix;
    }

    public String label() {
        return label;
    }

    /** Questions of this domain in the 100-question CPC practice preset. */
    public int cpcShare() {
        return cpcShare;
    }

    /** The domain whose id is {@code name} (exact, upper case), if any. */
    public static Optional<QuestionDomain> byId(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
