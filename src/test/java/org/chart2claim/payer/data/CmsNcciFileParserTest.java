package org.chart2claim.payer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
        assertThat(edits.size()).isEqualTo(3);
        PtpEdit first = edits.get(0);
        assertThat(first.column1()).isEqualTo("11042");
        assertThat(first.column2()).isEqualTo("97597");
        assertThat(first.effective()).isEqualTo(LocalDate.of(2013, 1, 1));
        assertThat(first.deletion()).as("* means not deleted").isNull();
        assertThat(first.modifierIndicator()).isEqualTo('1');
        assertThat(first.rationale()).isEqualTo("Misuse of column two code with column one code");
        assertThat(edits.get(1).modifierIndicator()).isEqualTo('0');
    }

    @Test
    void deletedEditIsActiveOnlyUntilItsDeletionDate() {
        PtpEdit deleted = ptp(FIXTURES.resolve("official/ptp-f1.txt")).get(2);
        assertThat(deleted.deletion()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(deleted.activeOn(LocalDate.of(2015, 6, 1))).isTrue();
        assertThat(!deleted.activeOn(LocalDate.of(2016, 1, 1))).isTrue();
    }

    @Test
    void mueCsvTakesTheLeadingDigitOfTheAdjudicationIndicator() {
        List<MueLimit> limits = mue(FIXTURES.resolve("official/mue.csv"));
        assertThat(limits)
                .isEqualTo(List.of(
                        new MueLimit("99213", 1, 2, "Code Descriptor / CPT Instruction"),
                        new MueLimit("36415", 2, 3, "Clinical: Data"),
                        new MueLimit("J1100", 120, 1, "Prescribing Information, dose")));
        assertThat(limits.get(2).perLine()).as("MAI 1 is a line edit").isTrue();
    }

    @Test
    void mueTabDelimitedAndBareIndicator() {
        List<MueLimit> limits = mue(FIXTURES.resolve("mue-tab.txt"));
        assertThat(limits)
                .isEqualTo(List.of(
                        new MueLimit("11042", 1, 2, "Anatomic Consideration"),
                        new MueLimit("20610", 2, 3, "Clinical: Data")));
    }

    @Test
    void detectsTheKindOfFileByItsHeaderRow() {
        assertThat(CmsNcciFileParser.detect(FIXTURES.resolve("official/ptp-f2.txt")))
                .isEqualTo(Optional.of(CmsNcciFileParser.Kind.PTP));
        assertThat(CmsNcciFileParser.detect(FIXTURES.resolve("official/mue.csv")))
                .isEqualTo(Optional.of(CmsNcciFileParser.Kind.MUE));
        assertThat(CmsNcciFileParser.detect(FIXTURES.resolve("official/readme.txt")))
                .isEqualTo(Optional.empty());
    }

    @Test
    void directoryMergesSplitPtpFilesAndIgnoresOtherFiles() {
        CmsNcciFileParser.Tables tables = CmsNcciFileParser.loadDirectory(FIXTURES.resolve("official"));
        assertThat(tables.ptpEditCount()).isEqualTo(4);
        assertThat(tables.mue().size()).isEqualTo(3);
        assertThat(tables.ptpByColumn2().get("99497").get(0).modifierIndicator())
                .isEqualTo('9');
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
        var e = catchThrowableOfType(
                PayerDataException.class,
                () -> ptp(FIXTURES.resolve("malformed").resolve(file)));
        assertThat(e.getMessage().contains(expected)).as(e.getMessage()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mue-bad-mai.csv|mue-bad-mai.csv:3: MUE adjudication indicator 'Date of Service Edit: Clinical' does not start with 1, 2 or 3",
                "mue-bad-value.csv|mue-bad-value.csv:2: MUE value 'one' is not a whole number of units"
            })
    void malformedMueRowsNameFileAndLine(String file, String expected) {
        var e = catchThrowableOfType(
                PayerDataException.class,
                () -> mue(FIXTURES.resolve("malformed").resolve(file)));
        assertThat(e.getMessage().contains(expected)).as(e.getMessage()).isTrue();
    }

    @Test
    void mueFileIsNotReadAsPtp() {
        var e = catchThrowableOfType(PayerDataException.class, () -> ptp(FIXTURES.resolve("official/mue.csv")));
        assertThat(e.getMessage().contains("mue.csv: no PTP header row"))
                .as(e.getMessage())
                .isTrue();
    }

    @Test
    void overlongLineIsRejectedNotBuffered() {
        String huge = "x".repeat(CmsNcciFileParser.MAX_LINE_CHARS + 10);
        var e = catchThrowableOfType(
                PayerDataException.class, () -> CmsNcciFileParser.readPtp("blob.txt", new StringReader(huge), x -> {}));
        assertThat(e.getMessage().startsWith("blob.txt:1: line is longer than"))
                .as(e.getMessage())
                .isTrue();
    }

    @Test
    void undecodableBytesDoNotCrash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("garbage.txt");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0xC3, '\n', (byte) 0x80});
        assertThat(CmsNcciFileParser.detect(file)).isEqualTo(Optional.empty());
        var e = catchThrowableOfType(PayerDataException.class, () -> ptp(file));
        assertThat(e.getMessage().contains("garbage.txt: no PTP header row"))
                .as(e.getMessage())
                .isTrue();
    }

    @Test
    void folderWithoutMueFileIsReported(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURES.resolve("official/ptp-f2.txt"), dir.resolve("ptp.txt"));
        var e = catchThrowableOfType(PayerDataException.class, () -> CmsNcciFileParser.loadDirectory(dir));
        assertThat(e.getMessage().contains("holds no CMS practitioner MUE file"))
                .as(e.getMessage())
                .isTrue();
        var missing = catchThrowableOfType(
                PayerDataException.class, () -> CmsNcciFileParser.loadDirectory(dir.resolve("nope")));
        assertThat(missing.getMessage().contains("is not a folder"))
                .as(missing.getMessage())
                .isTrue();
    }
}
