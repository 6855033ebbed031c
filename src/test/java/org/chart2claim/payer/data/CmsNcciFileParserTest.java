package org.chart2claim.payer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-written fixtures in the CMS layouts live in src/test/resources/ncci/ (none is CMS data). */
class CmsNcciFileParserTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "ncci");

    static List<PtpEdit> ptp(Path file) {
        List<PtpEdit> out = new ArrayList<>();
        CmsNcciFileParser.readPtp(file, out::add);
        return out;
    }

    static List<MueLimit> mue(Path file) {
        List<MueLimit> out = new ArrayList<>();
        CmsNcciFileParser.readMue(file, out::add);
        return out;
    }

    @Test
    void ptpTextExportSkipsDisclaimerLinesAndReadsEveryColumn() {
        List<PtpEdit> edits = ptp(FIXTURES.resolve("official/ptp-f1.txt"));
        assertEquals(3, edits.size());
        PtpEdit first = edits.get(0);
        assertEquals("11042", first.column1());
        assertEquals("97597", first.column2());
        assertEquals(LocalDate.of(2013, 1, 1), first.effective());
        assertNull(first.deletion(), "* means not deleted");
        assertEquals('1', first.modifierIndicator());
        assertEquals("Misuse of column two code with column one code", first.rationale());
        assertEquals('0', edits.get(1).modifierIndicator());
    }

    @Test
    void deletedEditIsActiveOnlyUntilItsDeletionDate() {
        PtpEdit deleted = ptp(FIXTURES.resolve("official/ptp-f1.txt")).get(2);
        assertEquals(LocalDate.of(2015, 12, 31), deleted.deletion());
        assertTrue(deleted.activeOn(LocalDate.of(2015, 6, 1)));
        assertTrue(!deleted.activeOn(LocalDate.of(2016, 1, 1)));
    }

    @Test
    void mueCsvTakesTheLeadingDigitOfTheAdjudicationIndicator() {
        List<MueLimit> limits = mue(FIXTURES.resolve("official/mue.csv"));
        assertEquals(
                List.of(
                        new MueLimit("99213", 1, 2, "Code Descriptor / CPT Instruction"),
                        new MueLimit("36415", 2, 3, "Clinical: Data"),
                        new MueLimit("J1100", 120, 1, "Prescribing Information, dose")),
                limits);
        assertTrue(limits.get(2).perLine(), "MAI 1 is a line edit");
    }

    @Test
    void mueTabDelimitedAndBareIndicator() {
        List<MueLimit> limits = mue(FIXTURES.resolve("mue-tab.txt"));
        assertEquals(
                List.of(
                        new MueLimit("11042", 1, 2, "Anatomic Consideration"),
                        new MueLimit("20610", 2, 3, "Clinical: Data")),
                limits);
    }

    @Test
    void detectsTheKindOfFileByItsHeaderRow() {
        assertEquals(
                Optional.of(CmsNcciFileParser.Kind.PTP),
                CmsNcciFileParser.detect(FIXTURES.resolve("official/ptp-f2.txt")));
        assertEquals(
                Optional.of(CmsNcciFileParser.Kind.MUE),
                CmsNcciFileParser.detect(FIXTURES.resolve("official/mue.csv")));
        assertEquals(Optional.empty(), CmsNcciFileParser.detect(FIXTURES.resolve("official/readme.txt")));
    }

    @Test
    void directoryMergesSplitPtpFilesAndIgnoresOtherFiles() {
        CmsNcciFileParser.Tables tables = CmsNcciFileParser.loadDirectory(FIXTURES.resolve("official"));
        assertEquals(4, tables.ptpEditCount());
        assertEquals(3, tables.mue().size());
        assertEquals('9', tables.ptpByColumn2().get("99497").get(0).modifierIndicator());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ptp-bad-code.txt|ptp-bad-code.txt:4: column 1 code '1104' is not a 5-character HCPCS/CPT code",
                "ptp-bad-date.txt|ptp-bad-date.txt:2: effective date '20130231' is not a date yyyymmdd",
                "ptp-bad-deletion.txt|ptp-bad-deletion.txt:2: deletion date '2013-12-31' is not a date yyyymmdd",
                "ptp-bad-modifier.txt|ptp-bad-modifier.txt:5: modifier indicator '2' is not 0, 1 or 9",
                "ptp-short-row.txt|ptp-short-row.txt:2: expected at least 6 columns, found 4",
                "ptp-no-header.txt|ptp-no-header.txt: no PTP header row"
            })
    void malformedPtpRowsNameFileAndLine(String file, String expected) {
        var e = assertThrows(
                PayerDataException.class,
                () -> ptp(FIXTURES.resolve("malformed").resolve(file)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mue-bad-mai.csv|mue-bad-mai.csv:3: MUE adjudication indicator 'Date of Service Edit: Clinical' does not start with 1, 2 or 3",
                "mue-bad-value.csv|mue-bad-value.csv:2: MUE value 'one' is not a whole number of units"
            })
    void malformedMueRowsNameFileAndLine(String file, String expected) {
        var e = assertThrows(
                PayerDataException.class,
                () -> mue(FIXTURES.resolve("malformed").resolve(file)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void mueFileIsNotReadAsPtp() {
        var e = assertThrows(PayerDataException.class, () -> ptp(FIXTURES.resolve("official/mue.csv")));
        assertTrue(e.getMessage().contains("mue.csv: no PTP header row"), e.getMessage());
    }

    @Test
    void overlongLineIsRejectedNotBuffered() {
        String huge = "x".repeat(CmsNcciFileParser.MAX_LINE_CHARS + 10);
        var e = assertThrows(
                PayerDataException.class, () -> CmsNcciFileParser.readPtp("blob.txt", new StringReader(huge), x -> {}));
        assertTrue(e.getMessage().startsWith("blob.txt:1: line is longer than"), e.getMessage());
    }

    @Test
    void undecodableBytesDoNotCrash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("garbage.txt");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0xC3, '\n', (byte) 0x80});
        assertEquals(Optional.empty(), CmsNcciFileParser.detect(file));
        var e = assertThrows(PayerDataException.class, () -> ptp(file));
        assertTrue(e.getMessage().contains("garbage.txt: no PTP header row"), e.getMessage());
    }

    @Test
    void folderWithoutMueFileIsReported(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURES.resolve("official/ptp-f2.txt"), dir.resolve("ptp.txt"));
        var e = assertThrows(PayerDataException.class, () -> CmsNcciFileParser.loadDirectory(dir));
        assertTrue(e.getMessage().contains("holds no CMS practitioner MUE file"), e.getMessage());
        var missing =
                assertThrows(PayerDataException.class, () -> CmsNcciFileParser.loadDirectory(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("is not a folder"), missing.getMessage());
    }
}
