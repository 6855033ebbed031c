package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ImportCodebooksCommandTest {

    @Autowired
    ImportCodebooksCommand command;

    @Autowired
    CodeSetImportService service;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @AfterEach
    void backToCuratedBooks() {
        ImportTestSupport.resetToCurated(service);
    }

    private String out() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsPrintsProgressCountsAndPeakHeap() {
        command.useForTest(new PrintStream(output, true, StandardCharsets.UTF_8));

        int status = command.execute(
                List.of(Fixtures.path("icd10cm_order_2030.txt"), Fixtures.path("HCPC2030_ANWEB_fixture.txt")));

        assertThat(status).isZero();
        assertThat(out())
                .contains(
                        "[100%]",
                        "ICD10CM-FY2030: 12 entries, 6 billable",
                        "HCPCS-2030: 7 entries, 4 billable",
                        "peak heap",
                        "ICD10CM=ICD10CM-FY2030");
    }

    @Test
    void refusedImportExitsWithOneAndSaysNothingChanged() {
        command.useForTest(new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(command.execute(List.of(Fixtures.path("xxe/icd10cm_tabular_2030.xml"))))
                .isEqualTo(1);
        assertThat(out())
                .contains("import refused, nothing changed: icd10cm_tabular_2030.xml, line 4: DOCTYPE declarations"
                        + " are not accepted");
        assertThat(command.execute(List.of())).isEqualTo(2);
        assertThat(out()).contains("usage: import-codebooks PATH...");
    }
}
