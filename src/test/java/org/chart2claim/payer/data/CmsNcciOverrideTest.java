package org.chart2claim.payer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        assertTrue(curated.mue("10060").isPresent(), "curated table is the default");
        assertTrue(official.mue("10060").isEmpty(), "curated rows are gone, not merged");
        assertEquals(4, official.ptpEditCount());
        assertEquals(3, official.mueCount());
        assertEquals(120, official.mue("J1100").orElseThrow().value());
        assertEquals(
                "11042",
                official.ptpEditsForColumn2("97597", LocalDate.of(2024, 3, 1))
                        .get(0)
                        .column1());
        assertTrue(
                official.ptpEditsForColumn2("20604", LocalDate.of(2024, 3, 1)).isEmpty(),
                "deleted edit no longer applies");
        // the rest of the payer data still comes from codebooks/payers/
        assertEquals(curated.payers().size(), official.payers().size());
        assertEquals(curated.members().size(), official.members().size());
    }

    @Test
    void badOfficialFileFailsLoadingWithFileAndLine() {
        var e = assertThrows(
                PayerDataException.class,
                () -> PayerRulesLoader.fromDirectory(Path.of("codebooks"))
                        .withOfficialNcci(CmsNcciFileParserTest.FIXTURES.resolve("malformed"))
                        .load());
        assertTrue(e.getMessage().matches(".*malformed/[a-z-]+\\.(txt|csv):\\d+: .*"), e.getMessage());
    }
}
