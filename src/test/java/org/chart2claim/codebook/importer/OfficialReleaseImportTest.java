package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.importer.ImportedIndexTerm.IndexKind;
import org.junit.jupiter.api.Test;

/**
 * Imports the real official files from ../shared/reference (skipped when that folder is absent) and
 * checks the counts the releases publish.
 */
class OfficialReleaseImportTest {

    private static final Path REFERENCE = Path.of("..", "shared", "reference");
    private final CodeSetFileImporter importer = new CodeSetFileImporter();

    private static Path reference(String relative) {
        Path path = REFERENCE.resolve(relative);
        assumeTrue(Files.exists(path), "reference file absent: " + path);
        return path;
    }

    @Test
    void fy2026OrderFileGivesTheCompleteSetAndItsBillableCodesEqualTheCodesFile() throws Exception {
        Path order = reference("icd10cm-2026/icd10cm_order_2026.txt");
        Path codesFile = reference("icd10cm-2026/icd10cm_codes_2026.txt");

        ImportedRelease release =
                importer.importFiles(List.of(order), null).releases().getFirst();

        assertThat(release.id()).isEqualTo("ICD10CM-FY2026");
        assertThat(release.codes()).hasSize(98_186);
        assertThat(release.billableCount()).isEqualTo(74_719);
        Set<String> billable = release.codes().stream()
                .filter(ImportedCode::billable)
                .map(c -> CodeFormat.undotted(c.code()) + " " + c.title())
                .collect(Collectors.toSet());
        Set<String> expected = Files.readAllLines(codesFile, StandardCharsets.US_ASCII).stream()
                .map(line ->
                        line.substring(0, 7).strip() + " " + line.substring(8).strip())
                .collect(Collectors.toSet());
        assertThat(billable).as("code and long title of every billable code").isEqualTo(expected);
        Map<String, ImportedCode> byCode =
                release.codes().stream().collect(Collectors.toMap(ImportedCode::code, Function.identity()));
        assertThat(byCode.get("E11.9").title()).isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(byCode.get("S72.001A").parent()).isEqualTo("S72.001");
        assertThat(byCode.get("T07.XXXA").parent()).isEqualTo("T07");
    }

    @Test
    void fy2026OrderWithApril2026IndexTablesImportsAsOneYear() {
        Path order = reference("icd10cm-2026/icd10cm_order_2026.txt");
        Path april = reference("icd10cm-2026-april");

        ImportSummary summary = importer.importFiles(List.of(order, april), null);

        ImportedRelease release = summary.releases().getFirst();
        Map<IndexKind, Long> byKind = release.indexTerms().stream()
                .collect(Collectors.groupingBy(ImportedIndexTerm::index, Collectors.counting()));
        assertThat(byKind.get(IndexKind.EXTERNAL_CAUSES)).isEqualTo(8_090);
        assertThat(byKind.get(IndexKind.NEOPLASMS)).isEqualTo(1_940);
        assertThat(byKind.get(IndexKind.DRUGS)).isEqualTo(7_430);
        assertThat(summary.messages()).anyMatch(m -> m.contains("icd10cm-chapters-April-1-2026.csv"));
        CodeSet set = ReleaseToCodeSet.convert(release);
        assertThat(set.indexTerms()).extracting(t -> t.term()).contains("Neoplasm, neoplastic");
    }

    @Test
    void fy2017TabularExpandsToTheOfficialBillableCountAndIndexIsComplete() {
        Path folder = reference("icd10cm-2017-tabular-index");
        reference("icd10cm-2017-tabular-index/icd10cm_tabular_2017.xml");

        ImportedRelease release =
                importer.importFiles(List.of(folder), null).releases().getFirst();

        assertThat(release.id()).isEqualTo("ICD10CM-FY2017");
        // FY2017 ICD-10-CM: 71,486 valid codes (CMS), 43,910 diag elements before 7th-character expansion
        assertThat(release.billableCount()).isEqualTo(71_486);
        assertThat(release.codes()).hasSize(93_830);
        assertThat(release.headings())
                .filteredOn(h -> h.kind() == ImportedHeading.Kind.CHAPTER)
                .hasSize(21);
        assertThat(release.headings())
                .filteredOn(h -> h.kind() == ImportedHeading.Kind.SECTION)
                .hasSize(295);
        assertThat(release.indexTerms()).hasSize(7_973 + 69_226);
        assertThat(release.indexTerms()).filteredOn(t -> !t.seeAlso().isEmpty()).hasSize(1_704);
        Map<String, ImportedCode> byCode =
                release.codes().stream().collect(Collectors.toMap(ImportedCode::code, Function.identity()));
        assertThat(byCode.get("S72.001A").title())
                .isEqualTo(
                        "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
        assertThat(byCode.get("O40.1XX0").title())
                .isEqualTo("Polyhydramnios, first trimester, not applicable or unspecified");
        assertThat(byCode.get("R40.2111").title())
                .isEqualTo("Coma scale, eyes open, never, in the field [EMT or ambulance]");
        assertThat(byCode.get("E08.3211").title())
                .isEqualTo("Diabetes mellitus due to underlying condition with mild"
                        + " nonproliferative diabetic retinopathy with macular edema, right eye");
        assertThat(byCode.get("R40.20").billable()).isTrue();
        assertThat(byCode.get("S72.001").billable()).isFalse();
        long notes = release.codes().stream().mapToLong(c -> c.notes().size()).sum()
                + release.headings().stream().mapToLong(h -> h.notes().size()).sum();
        assertThat(notes).isGreaterThan(20_000);
    }

    @Test
    void hcpcs2020AnnualFileCountsMatchTheRecords() {
        Path hcpcs = reference("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt");

        ImportedRelease release =
                importer.importFiles(List.of(hcpcs), null).releases().getFirst();

        assertThat(release.id()).isEqualTo("HCPCS-2020");
        List<ImportedCode> procedures = release.codes().stream()
                .filter(c -> !HcpcsFileParser.MODIFIER_GROUP.equals(c.parent()))
                .toList();
        assertThat(procedures).hasSize(6_710);
        assertThat(release.codes()).hasSize(6_710 + 369);
        assertThat(procedures).filteredOn(c -> c.terminationDate() != null).hasSize(605);
        assertThat(release.billableCount()).isEqualTo(6_710 - 605);
        assertThat(procedures.getFirst().code()).isEqualTo("A0021");
        assertThat(procedures.getLast().code()).isEqualTo("V5364");
    }

    @Test
    void fy2026AndFy2017AreNeverMixed() {
        Path order = reference("icd10cm-2026/icd10cm_order_2026.txt");
        Path tabular = reference("icd10cm-2017-tabular-index/icd10cm_tabular_2017.xml");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importFiles(List.of(order, tabular), null))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("different years");
    }
}
