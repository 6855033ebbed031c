package org.chart2claim.payer.data;

import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.Sex;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSystem;

/**
 * MCE-style age/sex edit on a code or code prefix ("O*"): {@code sex} U = any; ages in whole years at the
 * date of service, null = no limit.
 */
public record AgeSexRule(CodeSystem system, String pattern, Sex sex, Integer minAge, Integer maxAge, String reason) {

    public boolean matches(CodeSystem codeSystem, String code) {
        if (codeSystem != system && !(system == CodeSystem.CPT && codeSystem == CodeSystem.HCPCS)) {
            return false;
        }
        String c = system == CodeSystem.ICD10CM ? CodeFormat.undotted(code) : ClaimText.nz(code);
        String p = system == CodeSystem.ICD10CM ? CodeFormat.undotted(pattern) : pattern;
        return p.endsWith("*") ? c.startsWith(p.substring(0, p.length() - 1)) : c.equals(p);
    }

    public boolean sexConflict(Sex patientSex) {
        return sex != Sex.U && patientSex != Sex.U && patientSex != sex;
    }

    public boolean ageConflict(int age) {
        return (minAge != null && age < minAge) || (maxAge != null && age > maxAge);
    }

    public String ageRange() {
        if (minAge != null && maxAge != null) {
            return minAge.equals(maxAge) ? "age " + minAge : "ages " + minAge + "–" + maxAge;
        }
        if (minAge != null) {
            return "age " + minAge + " and older";
        }
        return "age " + maxAge + " and younger";
    }
}
