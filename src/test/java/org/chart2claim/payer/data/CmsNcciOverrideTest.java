package org.chart2claim.payer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Setting chart2claim.ncci-dir swaps our curated PTP/MUE tables for the official files; everything else stays. */
class CmsNcciOverrideTest {

    @Test
    void officialFilesReplaceTheCuratedTables() {
        PayerRules curated =
                PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        PayerRules official = PayerRulesLoader.fromDirectory(Path.of("codebooks"))
                .withOfficialNcci(CmsNcciFileParserTest.FIXTURES.resolve("official"))
                .load();

        assertThat(curated.mue("10060").isPresent())
                .as("curated table is the default")
                .isTrue();
        assertThat(official.mue("10060").isEmpty())
                .as("curated rows are gone, not merged")
                .isTrue();
        assertThat(official.ptpEditCount()).isEqualTo(4);
        assertThat(official.mueCount()).isEqualTo(3);
        assertThat(official.mue("J1100").orElseThrow().value()).isEqualTo(120);
        assertThat(official.ptpEditsForColumn2("97597", LocalDate.of(2024, 3, 1))
                        .get(0)
                        .column1())
                .isEqualTo("11042");
        assertThat(official.ptpEditsForColumn2("20604", LocalDate.of(2024, 3, 1))
                        .isEmpty())
                .as("deleted edit no longer applies")
                .isTrue();
        // the rest of the payer data still comes from codebooks/payers/
        assertThat(official.payers().size()).isEqualTo(curated.payers().size());
        assertThat(official.members().size()).isEqualTo(curated.members().size());
    }

    @Test
    void badOfficialFileFailsLoadingWithFileAndLine() {
        var e = catchThrowableOfType(
                PayerDataException.class,
                () -> PayerRulesLoader.fromDirectory(Path.of("codebooks"))
                        .withOfficialNcci(CmsNcciFileParserTest.FIXTURES.resolve("malformed"))
                        .load());
        assertThat(e.getMessage().matches(".*malformed/[a-z-]+\\.(txt|csv):\\d+: .*"))
                .as(e.getMessage())
                .isTrue();
    }
}
