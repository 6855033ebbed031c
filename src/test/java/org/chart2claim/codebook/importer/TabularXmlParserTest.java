package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chart2claim.codebook.importer.ImportedNote.NoteType;
import org.junit.jupiter.api.Test;

class TabularXmlParserTest {

    private TabularXmlParser.Tabular parse(String fixture) throws Exception {
        try (InputStream in = Fixtures.open(fixture)) {
            return new TabularXmlParser().parse(in, fixture, null);
        }
    }

    @Test
    void readsChaptersSectionsHierarchyAndNotes() throws Exception {
        TabularXmlParser.Tabular tabular = parse("icd10cm_tabular_2030.xml");

        assertThat(tabular.version()).isEqualTo("2030");
        assertThat(tabular.headings())
                .extracting(ImportedHeading::id)
                .containsExactly("1", "A00-A09", "9", "I10-I1A", "19", "S70-S79", "T07-T07", "18", "R40-R46");
        assertThat(tabular.headings().get(0).notes())
                .containsExactly(new ImportedNote(
                        NoteType.INCLUDES, "diseases generally recognized as communicable or transmissible"));
        Map<String, ImportedCode> byCode =
                tabular.codes().stream().collect(Collectors.toMap(ImportedCode::code, Function.identity()));
        ImportedCode hypertension = byCode.get("I10");
        assertThat(hypertension.parent()).isEqualTo("I10-I1A");
        assertThat(hypertension.billable()).isTrue();
        assertThat(hypertension.notes())
                .extracting(ImportedNote::type)
                .containsExactly(
                        NoteType.INCLUSION_TERM,
                        NoteType.INCLUSION_TERM,
                        NoteType.EXCLUDES1,
                        NoteType.EXCLUDES2,
                        NoteType.NOTES);
        assertThat(byCode.get("A00.0").parent()).isEqualTo("A00");
        assertThat(byCode.get("A00").billable()).isFalse();
        assertThat(byCode.get("S72").notes())
                .extracting(ImportedNote::type)
                .contains(NoteType.CODE_ALSO, NoteType.SEVEN_CHR_NOTE, NoteType.SEVEN_CHR_DEF);
    }

    @Test
    void generatesEverySeventhCharacterCodeWithPlaceholderAndFullTitle() throws Exception {
        TabularXmlParser.Tabular tabular = parse("icd10cm_tabular_2030.xml");
        Map<String, ImportedCode> byCode =
                tabular.codes().stream().collect(Collectors.toMap(ImportedCode::code, Function.identity()));

        assertThat(byCode.get("S72.001").billable())
                .as("a leaf that takes a 7th character is a header")
                .isFalse();
        assertThat(byCode.get("S72.001A").title())
                .isEqualTo(
                        "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
        assertThat(byCode.get("S72.001D").billable()).isTrue();
        assertThat(byCode.get("T07.XXXA").title()).isEqualTo("Unspecified multiple injuries, initial encounter");
        assertThat(byCode.get("T07.XXXA").parent()).isEqualTo("T07");
        // the nearest definition wins and only applies below it: R40.20 stays a billable 5-character code
        assertThat(byCode.get("R40.20").billable()).isTrue();
        assertThat(byCode.get("R40.2111").title())
                .isEqualTo("Coma scale, eyes open, never, in the field [EMT or ambulance]");
        assertThat(byCode).doesNotContainKeys("R40.20X0", "S72.0XXA", "S72.00XA");
        assertThat(tabular.generatedCount()).isEqualTo(5);
        assertThat(tabular.billableCount()).isEqualTo(9); // A00.0 A00.9 I10 S72.001A/D T07.XXXA R40.20 R40.2110/1
    }

    @Test
    void externalEntityIsRefusedAndNeverRead() {
        assertThatThrownBy(() -> parse("xxe/icd10cm_tabular_2030.xml"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("icd10cm_tabular_2030.xml, line")
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void malformedXmlNamesFileAndLine() {
        assertThatThrownBy(() -> parse("malformed/icd10cm_tabular_2030.xml"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageStartingWith(
                        "malformed/icd10cm_tabular_2030.xml, line 11: malformed XML: The element type \"desc\" must be terminated");
    }

    @Test
    void truncatedXmlIsReported() {
        assertThatThrownBy(() -> parse("truncated/icd10cm_tabular_2030.xml"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("icd10cm_tabular_2030.xml, line");
    }

    @Test
    void indexFileIsNotMistakenForATabular() {
        assertThatThrownBy(() -> parse("icd10cm_index_2030.xml"))
                .hasMessageContaining("root element is <ICD10CM.index>, expected <ICD10CM.tabular>");
    }
}
