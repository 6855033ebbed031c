package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcdOrderFileParserTest {

    private final IcdOrderFileParser parser = new IcdOrderFileParser();

    private List<ImportedCode> parse(String fixture) throws Exception {
        List<ImportedCode> codes = new ArrayList<>();
        try (InputStream in = Fixtures.open(fixture)) {
            parser.parse(in, fixture, codes::add, null);
        }
        return codes;
    }

    @Test
    void readsEveryEntryWithDotBillableFlagTitlesAndParent() throws Exception {
        List<ImportedCode> codes = parse("icd10cm_order_2030.txt");

        assertThat(codes).hasSize(12);
        assertThat(codes).filteredOn(ImportedCode::billable).hasSize(6);
        ImportedCode fracture = codes.stream()
                .filter(c -> c.code().equals("S72.001A"))
                .findFirst()
                .orElseThrow();
        assertThat(fracture.title())
                .isEqualTo(
                        "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
        assertThat(fracture.shortTitle()).isEqualTo("Fx unsp part of neck of right femur, init");
        assertThat(fracture.parent()).isEqualTo("S72.001");
        assertThat(fracture.billable()).isTrue();
        ImportedCode placeholder = codes.stream()
                .filter(c -> c.code().equals("T07.XXXA"))
                .findFirst()
                .orElseThrow();
        assertThat(placeholder.parent())
                .as("placeholder codes hang below their category")
                .isEqualTo("T07");
        assertThat(codes.getFirst().code()).isEqualTo("A00");
        assertThat(codes.getFirst().billable()).isFalse();
        assertThat(codes).extracting(ImportedCode::code).contains("QA0", "I10", "A00.0");
    }

    @Test
    void truncatedFileIsReportedWithItsLastLine() {
        assertThatThrownBy(() -> parse("truncated/icd10cm_order_2030.txt"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("icd10cm_order_2030.txt, line 12")
                .hasMessageContaining("truncated");
    }

    @Test
    void utf16FileIsRejectedAsWrongEncoding() {
        assertThatThrownBy(() -> parse("wrong-encoding/icd10cm_order_2030.txt"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("wrong encoding");
    }

    @Test
    void nonAsciiByteIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse("wrong-encoding/latin1/icd10cm_order_2030.txt"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("not valid US-ASCII");
    }

    @Test
    void gapInOrderNumbersAndBadFlagAreNamed() {
        String gap = "00001 A00     0 Cholera" + " ".repeat(53) + "Cholera\r\n" + "00003 A000    1 Cholera due to V"
                + " ".repeat(44) + "Cholera due to V\r\n";
        assertThatThrownBy(() -> parser.parse(stream(gap), "gap.txt", c -> {}, null))
                .hasMessage("gap.txt, line 2: order number 3 where 2 was expected (lines missing?)");
        String flag = "00001 A00     X Cholera" + " ".repeat(53) + "Cholera\r\n";
        assertThatThrownBy(() -> parser.parse(stream(flag), "flag.txt", c -> {}, null))
                .hasMessageContaining("flag.txt, line 1: column 15 must be 1 (billable) or 0 (header)");
    }

    @Test
    void emptyOrForeignFileIsRejected() {
        assertThatThrownBy(() -> parser.parse(stream(""), "empty.txt", c -> {}, null))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(stream("hello world\r\n"), "notes.txt", c -> {}, null))
                .hasMessageContaining("notes.txt, line 1: record too short");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
