package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.codebook.importer.ImportedIndexTerm.Cell;
import org.chart2claim.codebook.importer.ImportedIndexTerm.IndexKind;
import org.junit.jupiter.api.Test;

class IndexXmlParserTest {

    private final List<ImportedIndexTerm> terms = new ArrayList<>();

    private IndexXmlParser.Result parse(String fixture) throws Exception {
        try (InputStream in = Fixtures.open(fixture)) {
            return new IndexXmlParser().parse(in, fixture, IndexKind.DISEASES, null, terms::add);
        }
    }

    @Test
    void readsMainTermsNestedTermsToAnyDepthWithReferencesAndModifiers() throws Exception {
        IndexXmlParser.Result result = parse("icd10cm_index_2030.xml");

        assertThat(result.version()).isEqualTo("2030");
        assertThat(result.letters()).isEqualTo(3);
        assertThat(result.mainTerms()).isEqualTo(4);
        assertThat(terms).hasSize(8);
        assertThat(terms.get(0).see()).isEqualTo("Maltreatment");
        assertThat(terms.get(1).term()).isEqualTo("Amyloid heart");
        assertThat(terms.get(1).nemod()).isEqualTo("(disease)");
        assertThat(terms.get(1).manifestationCode()).isEqualTo("I43");
        ImportedIndexTerm fracture = terms.get(2);
        assertThat(fracture.seeAlso()).isEqualTo("Fracture, pathological");
        assertThat(fracture.code()).isEqualTo("T14.8");
        ImportedIndexTerm deepest = terms.get(6);
        assertThat(deepest.path())
                .containsExactly(
                        "Fracture, traumatic", "femur, femoral", "neck", "unspecified part right", "closed, initial");
        assertThat(deepest.level()).isEqualTo(4);
        assertThat(deepest.code()).isEqualTo("S72.001A");
        assertThat(terms.get(5).nemod()).isEqualTo("(displaced)");
        assertThat(terms.get(4).see()).isEqualTo("Fracture, femur, upper end, neck");
    }

    @Test
    void tableColumnsBecomeCells() throws Exception {
        IndexXmlParser.Result result = parse("icd10cm_neoplasm_2030.xml");

        assertThat(result.kind()).isEqualTo(IndexKind.NEOPLASMS);
        assertThat(terms.get(1).path()).containsExactly("Neoplasm, neoplastic", "breast");
        assertThat(terms.get(1).cells())
                .containsExactly(new Cell("Malignant Primary", "C50.91-"), new Cell("Malignant Secondary", "C79.81"));
    }

    @Test
    void entityExpansionBombIsRefused() {
        assertThatThrownBy(() -> parse("xxe/billion-laughs-index_2030.xml"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void invalidUtf8IsReportedAsMalformedWithLine() {
        assertThatThrownBy(() -> parse("wrong-encoding/icd10cm_index_2030.xml"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("icd10cm_index_2030.xml, line 4: malformed XML");
    }
}
