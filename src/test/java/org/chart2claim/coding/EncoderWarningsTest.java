package org.chart2claim.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chart2claim.codebook.InMemoryCodeLookup;
import org.junit.jupiter.api.Test;

class EncoderWarningsTest {

    private final InMemoryCodeLookup books = new InMemoryCodeLookup()
            .header("E11.4", "Type 2 diabetes mellitus with neurological complications")
            .icd("E11.40", "Type 2 diabetes mellitus with diabetic neuropathy, unspecified")
            .header("S06.0X0", "Concussion without loss of consciousness")
            .icd("S06.0X0A", "Concussion without loss of consciousness, initial encounter")
            .icd("W54.0XXA", "Bitten by dog, initial encounter")
            .icd("K81.1", "Chronic cholecystitis")
            .icd("K80.10", "Calculus of gallbladder with chronic cholecystitis")
            .excludes1("K81.1", "K80.10")
            .cpt("99213");
    private final EncoderWarnings warnings = new EncoderWarnings(books);

    @Test
    void headerCodeIsFlaggedAsNotBillable() {
        assertThat(warnings.forDiagnosis("E11.4", List.of()))
                .singleElement()
                .asString()
                .contains("header code");
    }

    @Test
    void missingSeventhCharacterAndPlaceholderAreFlagged() {
        assertThat(warnings.forDiagnosis("S06.0X0", List.of()))
                .singleElement()
                .asString()
                .contains("7th character")
                .contains("S06.0X0A");
        assertThat(warnings.forDiagnosis("W54.0", List.of()))
                .singleElement()
                .asString()
                .contains("W54.0XXA");
    }

    @Test
    void excludes1ConflictWithAnotherChosenCodeIsFlagged() {
        assertThat(warnings.forDiagnosis("K81.1", List.of("K80.10")))
                .singleElement()
                .asString()
                .contains("Excludes1");
        assertThat(warnings.forDiagnosis("E11.40", List.of("K80.10"))).isEmpty();
    }

    @Test
    void unknownCodesAreFlagged() {
        assertThat(warnings.forDiagnosis("Q99.99", List.of()))
                .singleElement()
                .asString()
                .contains("not a valid");
        assertThat(warnings.forProcedure("99999")).singleElement().asString().contains("not in the CPT");
        assertThat(warnings.forProcedure("99213")).isEmpty();
    }
}
