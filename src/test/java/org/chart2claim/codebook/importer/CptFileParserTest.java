package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CptFileParserTest {

    @Test
    void readsCodesSkippingHeaderAndComments() throws Exception {
        List<ImportedCode> codes = new ArrayList<>();
        try (InputStream in = Fixtures.open("cpt_2030.txt")) {
            assertThat(new CptFileParser().parse(in, "cpt_2030.txt", codes::add).codes())
                    .isEqualTo(3);
        }
        assertThat(codes).extracting(ImportedCode::code).containsExactly("99213", "0001U", "1234F");
        assertThat(codes.getFirst().billable()).isTrue();
    }

    @Test
    void badLinesAreNamed() {
        assertThatThrownBy(() -> parse("99213 no tab here\n"))
                .hasMessage("cpt.txt, line 1: expected code<TAB>descriptor");
        assertThatThrownBy(() -> parse("9921\tshort code\n")).hasMessageContaining("line 1: '9921' is not a CPT code");
        assertThatThrownBy(() -> parse("99213\tone\n99213\ttwo\n"))
                .hasMessageContaining("line 2: code 99213 appears twice");
    }

    private static void parse(String text) throws Exception {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        new CptFileParser().parse(in, "cpt.txt", c -> {});
    }
}
