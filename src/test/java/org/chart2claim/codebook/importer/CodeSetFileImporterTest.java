package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.codebook.CodeEntry;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeSetFileImporterTest {

    private final CodeSetFileImporter importer = new CodeSetFileImporter();

    @Test
    void orderTabularIndexAndTableOfOneYearMakeOneSetAndProgressReachesTotal() throws Exception {
        List<long[]> progress = new ArrayList<>();
        ImportSummary summary = importer.importFiles(
                List.of(
                        Fixtures.path("icd10cm_order_2030.txt"),
                        Fixtures.path("icd10cm_tabular_2030.xml"),
                        Fixtures.path("icd10cm_index_2030.xml"),
                        Fixtures.path("icd10cm_neoplasm_2030.xml")),
                (done, total, stage) -> progress.add(new long[] {done, total}));

        assertThat(summary.releases()).hasSize(1);
        ImportedRelease release = summary.releases().getFirst();
        assertThat(release.id()).isEqualTo("ICD10CM-FY2030");
        assertThat(release.codes()).hasSize(12).as("the order file decides the code list");
        assertThat(release.indexTerms()).hasSize(10);
        ImportedCode hypertension = release.codes().stream()
                .filter(c -> c.code().equals("I10"))
                .findFirst()
                .orElseThrow();
        assertThat(hypertension.notes())
                .as("notes come from the Tabular of the same year")
                .isNotEmpty();
        assertThat(summary.messages()).anyMatch(m -> m.contains("order file and Tabular disagree"));
        long[] last = progress.getLast();
        assertThat(last[0]).isEqualTo(last[1]).isPositive();
        assertThat(progress).allMatch(p -> p[0] <= p[1]);

        CodeSet set = ReleaseToCodeSet.convert(release);
        CodeEntry i10 = set.entries().stream()
                .filter(e -> e.code().equals("I10"))
                .findFirst()
                .orElseThrow();
        assertThat(i10.block()).isEqualTo("I10-I1A");
        assertThat(i10.chapter()).isEqualTo("9");
        assertThat(i10.parent()).isNull();
        assertThat(i10.notes().excludes1())
                .containsExactly("hypertensive disease complicating pregnancy (O10-O11, O13-O16)");
        CodeEntry s72 = set.entries().stream()
                .filter(e -> e.code().equals("S72"))
                .findFirst()
                .orElseThrow();
        assertThat(s72.sevenChrDef().meaningOf('A')).contains("initial encounter for closed fracture");
        CodeEntry fracture = set.entries().stream()
                .filter(e -> e.code().equals("S72.001A"))
                .findFirst()
                .orElseThrow();
        assertThat(fracture.chapter()).isEqualTo("19");
        assertThat(fracture.level()).isEqualTo(7);
        assertThat(set.chapters()).extracting(c -> c.range()).contains("A00-B99");
        assertThat(set.indexTerms()).extracting(t -> t.term()).contains("Fracture, traumatic", "Neoplasm, neoplastic");
        var traumatic = set.indexTerms().stream()
                .filter(t -> t.term().equals("Fracture, traumatic"))
                .findFirst()
                .orElseThrow();
        assertThat(traumatic
                        .subterms()
                        .getFirst()
                        .subterms()
                        .getFirst()
                        .subterms()
                        .getFirst()
                        .subterms()
                        .getFirst()
                        .code())
                .isEqualTo("S72.001A");
    }

    @Test
    void tabularAloneGivesACompleteSet() {
        ImportSummary summary = importer.importFiles(List.of(Fixtures.path("icd10cm_tabular_2030.xml")), null);
        assertThat(summary.releases().getFirst().billableCount()).isEqualTo(9);
    }

    @Test
    void hcpcsAndCptBecomeTheirOwnSets() {
        ImportSummary summary = importer.importFiles(
                List.of(Fixtures.path("HCPC2030_ANWEB_fixture.txt"), Fixtures.path("cpt_2030.txt")), null);
        assertThat(summary.releases()).extracting(ImportedRelease::id).containsExactly("HCPCS-2030", "CPT-2030");
        CodeSet hcpcs = ReleaseToCodeSet.convert(summary.releases().getFirst());
        assertThat(hcpcs.modifiers()).extracting(m -> m.code()).containsExactly("GA", "LT");
        assertThat(hcpcs.entries()).hasSize(5);
        assertThat(hcpcs.system()).isEqualTo(CodeSystem.HCPCS);
    }

    @Test
    void filesOfDifferentYearsAreNeverMixed() {
        assertThatThrownBy(() -> importer.importFiles(List.of(Fixtures.path("mixed-years")), null))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("different years")
                .hasMessageContaining("2030: icd10cm_order_2030.txt")
                .hasMessageContaining("2031: icd10cm_tabular_2031.xml");
    }

    @Test
    void oneBadFileFailsTheWholeImport(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.path("HCPC2030_ANWEB_fixture.txt"), dir.resolve("HCPC2030_ANWEB_fixture.txt"));
        Files.copy(Fixtures.path("truncated/icd10cm_order_2030.txt"), dir.resolve("icd10cm_order_2030.txt"));
        assertThatThrownBy(() -> importer.importFiles(List.of(dir), null))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void folderSkipsNonReleaseFilesAndUnknownSingleFileIsRefused(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.path("icd10cm_order_2030.txt"), dir.resolve("icd10cm_order_2030.txt"));
        Files.writeString(dir.resolve("readme.pdf"), "not a release");
        ImportSummary summary = importer.importFiles(List.of(dir), null);
        assertThat(summary.messages()).containsExactly("skipped readme.pdf: unrecognised name and content");
        assertThatThrownBy(() -> importer.importFiles(List.of(dir.resolve("readme.pdf")), null))
                .hasMessageContaining("readme.pdf: not a code-set file");
        assertThatThrownBy(() -> importer.importFiles(List.of(dir.resolve("missing.txt")), null))
                .hasMessageContaining("no such file");
    }

    @Test
    void yearMustBeKnown(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.path("icd10cm_order_2030.txt"), dir.resolve("icd10cm_order.txt"));
        assertThatThrownBy(() -> importer.importFiles(List.of(dir.resolve("icd10cm_order.txt")), null))
                .hasMessageContaining("without a year in its name");
    }

    @Test
    void documentationInAReleaseFolderNeverDecidesItsYear(@TempDir Path dir) throws Exception {
        // the layout of the official HCPCS 2020 folder: the annual file beside a README, last year's record
        // layout and the processing notes
        Files.copy(Fixtures.path("HCPC2030_ANWEB_fixture.txt"), dir.resolve("HCPC2030_ANWEB_w_disclaimer.txt"));
        Files.writeString(
                dir.resolve("HCPC2030_README.txt"),
                "CENTERS FOR MEDICARE & MEDICAID SERVICES (CMS)\n2030 ALPHA-NUMERIC\nHCPCS\n");
        Files.writeString(
                dir.resolve("HCPCS2029_recordlayout.txt"),
                "  CMS RIF REPORT\n  AS OF: 10/31/2028\n  NAME   LENGTH   BEG  END   CONTENTS\n");
        Files.writeString(dir.resolve("proc_notes_2030.txt"), "          PROCESSING NOTES\n 0001--DELETED.\n");

        ImportSummary summary = importer.importFiles(List.of(dir), null);

        assertThat(summary.releases())
                .singleElement()
                .extracting(ImportedRelease::id)
                .isEqualTo("HCPCS-2030");
        assertThat(summary.messages())
                .anySatisfy(m -> assertThat(m).contains("HCPCS2029_recordlayout.txt", "documentation"))
                .anySatisfy(m -> assertThat(m).contains("HCPC2030_README.txt", "documentation"));
    }
}
