package org.chart2claim.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped books load and have the promised breadth. */
class CodeBookFilesTest {

    private final LoadedCodeBooks loaded = ShippedCodeBooks.get();

    private CodeSet set(CodeSystem system) {
        return loaded.sets().stream()
                .filter(s -> s.system() == system)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everySystemHasItsPromisedSize() {
        CodeSet icd = set(CodeSystem.ICD10CM);
        assertThat(icd.version()).isEqualTo("FY2026");
        assertThat(icd.entries().stream().filter(CodeEntry::billable).count()).isGreaterThanOrEqualTo(3000);
        assertThat(icd.indexTerms()).hasSizeGreaterThan(200);
        CodeSet hcpcs = set(CodeSystem.HCPCS);
        assertThat(hcpcs.version()).isEqualTo("2020 annual");
        assertThat(hcpcs.entries()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(hcpcs.modifiers())
                .extracting(Modifier::code)
                .contains(
                        "LT", "RT", "GA", "GY", "GZ", "XS", "XE", "XP", "XU", "TC", "E1", "E4", "FA", "F9", "TA", "T9",
                        "KX", "QW");
        CodeSet cpt = set(CodeSystem.CPT);
        assertThat(cpt.entries()).hasSizeGreaterThanOrEqualTo(400);
        assertThat(cpt.modifiers())
                .extracting(Modifier::code)
                .contains("25", "26", "50", "59", "24", "57", "58", "76", "77", "78", "79", "91");
        assertThat(cpt.entries()).allSatisfy(e -> assertThat(e.rules()).isNotNull());
        assertThat(loaded.synonyms())
                .extracting(Synonym::term)
                .contains("CHF", "COPD", "HTN", "DM2", "UTI", "URI", "GERD", "DVT", "AFib", "MI", "CKD");
    }

    @Test
    void areasTheScenariosUseAreCoveredWithWholeFamilies() {
        Set<String> categories = set(CodeSystem.ICD10CM).entries().stream()
                .filter(e -> e.level() == 3)
                .map(CodeEntry::code)
                .collect(Collectors.toSet());
        assertThat(categories)
                .contains(
                        "E08", "E09", "E10", "E11", "E13", "I10", "I11", "I12", "I13", "I15", "I16", "I50", "J44",
                        "J45", "N18", "S02", "S61", "S63", "S93", "W01", "W19", "X50", "Y93", "O24", "C50", "D05",
                        "F32", "F41", "M16", "M17", "M25", "M54", "R05", "R10", "Z00", "Z23", "Z12");
        CodeSet cpt = set(CodeSystem.CPT);
        Map<String, CodeEntry> byCode = cpt.entries().stream().collect(Collectors.toMap(CodeEntry::code, e -> e));
        for (String code : new String[] {
            "99202", "99215", "99281", "99285", "99221", "99239", "99381", "99397", "12001", "13160", "11400", "11646",
            "20600", "20611", "90460", "90474", "96372", "80047", "87880"
        }) {
            assertThat(byCode).containsKey(code);
        }
        assertThat(byCode.get("12032").rules().globalPeriod()).isEqualTo("010");
        assertThat(byCode.get("73560").rules().professionalTechnicalSplit()).isTrue();
        assertThat(byCode.get("20610").rules().bilateralModifierAllowed()).isTrue();
        assertThat(byCode.get("13102").rules().addOn()).isTrue();
        CodeSet hcpcs = set(CodeSystem.HCPCS);
        assertThat(hcpcs.entries()).extracting(CodeEntry::code).contains("L0120", "K0003", "E0607", "J2405", "G0010");
        assertThat(hcpcs.entries().stream()
                        .filter(e -> e.code().equals("J2405"))
                        .findFirst()
                        .orElseThrow()
                        .rules()
                        .dosageUnit())
                .isEqualTo("1 mg");
    }
}
