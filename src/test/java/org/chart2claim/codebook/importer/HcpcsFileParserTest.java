package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HcpcsFileParserTest {

    private final List<ImportedCode> codes = new ArrayList<>();

    private HcpcsFileParser.Result parse(String fixture) throws Exception {
        try (InputStream in = Fixtures.open(fixture)) {
            return new HcpcsFileParser().parse(in, fixture, 2030, codes::add, null);
        }
    }

    @Test
    void joinsContinuationRecordsAndFlagsTerminatedCodesAndModifiers() throws Exception {
        HcpcsFileParser.Result result = parse("HCPC2030_ANWEB_fixture.txt");

        assertThat(result).isEqualTo(new HcpcsFileParser.Result(5, 2, 1, 4));
        Map<String, ImportedCode> byCode =
                codes.stream().collect(Collectors.toMap(ImportedCode::code, Function.identity()));
        assertThat(byCode.get("J0129").title())
                .isEqualTo("Injection, abatacept, 10 mg (code may be used for medicare"
                        + " when drug administered under the direct supervision of a physician, not for use when drug is self"
                        + " administered)");
        assertThat(byCode.get("J0129").shortTitle()).isEqualTo("Abatacept injection");
        assertThat(byCode.get("Q0091").billable()).as("terminated 2019-12-31").isFalse();
        assertThat(byCode.get("Q0091").terminationDate()).isEqualTo("2019-12-31");
        assertThat(byCode.get("GA").parent()).isEqualTo(HcpcsFileParser.MODIFIER_GROUP);
        assertThat(byCode.get("GA").title()).endsWith("individual case");
        assertThat(byCode.get("V5008").title())
                .as("Windows-1252 quote decoded")
                .isEqualTo("Hearing screening \u2019test\u2019");
    }

    @Test
    void truncatedFileIsReported() {
        assertThatThrownBy(() -> parse("truncated/HCPC2030_ANWEB_fixture.txt"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("HCPC2030_ANWEB_fixture.txt, line 15")
                .hasMessageContaining("truncated");
    }

    @Test
    void orderFileIsNotAnHcpcsFile() {
        assertThatThrownBy(() -> parse("icd10cm_order_2030.txt")).hasMessageContaining("not an HCPCS annual file");
    }
}
