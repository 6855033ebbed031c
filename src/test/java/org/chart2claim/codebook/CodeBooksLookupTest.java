package org.chart2claim.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CodeLookup} and Tabular navigation over the shipped books. */
class CodeBooksLookupTest {

    private final CodeBooks books = ShippedCodeBooks.books();

    @Test
    void findIgnoresCaseAndDot() {
        assertThat(books.find(CodeSystem.ICD10CM, "e119"))
                .get()
                .extracting(CodeInfo::code, CodeInfo::billable, CodeInfo::version)
                .containsExactly("E11.9", true, "FY2026");
        assertThat(books.find(CodeSystem.ICD10CM, "E11"))
                .get()
                .extracting(CodeInfo::billable)
                .isEqualTo(false);
        assertThat(books.find(CodeSystem.HCPCS, "j2405"))
                .get()
                .extracting(CodeInfo::title)
                .isEqualTo("Injection, ondansetron hydrochloride, per 1 mg");
        assertThat(books.find(CodeSystem.CPT, "99213")).isPresent();
        assertThat(books.find(CodeSystem.ICD10CM, "ZZZ.9")).isEmpty();
        assertThat(books.find(null, "E11.9")).isEmpty();
    }

    @Test
    void excludes1ConflictsIncludingInheritedNotesAndBothDirections() {
        // E11 (category) excludes1 type 1 diabetes (E10.-): inherited by E11.9
        assertThat(books.excludes1Conflicts("E11.9", List.of("E10.9", "I10", "E78.5")))
                .containsExactly("E10.9");
        // the other direction: E10's own Excludes1 note names E11.-
        assertThat(books.excludes1Conflicts("E10.9", List.of("e11.65"))).containsExactly("e11.65");
        // Excludes2 is not a conflict: I10 and hypertensive CKD are different notes
        assertThat(books.excludes1Conflicts("J45.909", List.of("J45.909"))).isEmpty();
        assertThat(books.excludes1Conflicts("not-a-code", List.of("E10.9"))).isEmpty();
    }

    @Test
    void detailHasBreadcrumbsInheritedNotesAndSeventhCharacters() {
        CodeBook icd = books.book(CodeSystem.ICD10CM).orElseThrow();
        CodeEntry nasal = icd.find("S02.2XXA").orElseThrow();
        CodeDetail detail = CodeDetail.of(icd, nasal);
        assertThat(detail.breadcrumbs())
                .extracting(CodeBook.Crumb::id)
                .containsExactly("19", "S00-S09", "S02", "S02.2", "S02.2XXA");
        assertThat(detail.seventh().meaningOf('A')).contains("initial encounter for closed fracture");
        assertThat(detail.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("codeAlso");
            assertThat(n.printedAt()).isEqualTo("S02");
            assertThat(n.inherited()).isTrue();
        });
        assertThat(detail.siblings()).extracting(CodeDetail.Brief::code).contains("S02.2XXB", "S02.2XXD");
        CodeEntry e11 = icd.find("E11").orElseThrow();
        assertThat(icd.childrenOf(e11)).extracting(CodeEntry::code).contains("E11.9", "E11.4");
    }

    @Test
    void excludes1ReferencesParseCodesRangesAndDashes() {
        assertThat(Excludes1References.anyCovers(List.of("gestational diabetes (O24.4-)"), "O24.419"))
                .isTrue();
        assertThat(Excludes1References.anyCovers(List.of("malignant neoplasm (C00-C96)"), "C50.911"))
                .isTrue();
        assertThat(Excludes1References.anyCovers(List.of("malignant neoplasm (C00-C96)"), "D05.10"))
                .isFalse();
        assertThat(Excludes1References.anyCovers(List.of("pancreatitis (K85-K86.-)"), "K86.1"))
                .isTrue();
        assertThat(Excludes1References.anyCovers(List.of("neonatal diabetes mellitus (P70.2)"), "P70.2"))
                .isTrue();
        assertThat(Excludes1References.anyCovers(List.of("certain localized infections - see body system"), "A09"))
                .isFalse();
    }
}
