package org.chart2claim.billing.eligibility.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.billing.eligibility.EligibilityCheck;
import org.chart2claim.billing.eligibility.EligibilityCheckTest;
import org.chart2claim.billing.eligibility.EligibilityRequest;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.standard.x12.X12Envelope;
import org.junit.jupiter.api.Test;

/**
 * The 270 → 271 pair on golden files: our StAEDI reader reads the golden 270, the writer's 271 equals the golden
 * 271, and an independent parse (plain string splitting, no StAEDI) checks its envelope counts, HL tree and answers.
 */
class Eligibility270271Test {
    static final Path GOLDEN_270 = Path.of("src/test/resources/x12/golden-270.txt");
    static final Path GOLDEN_271 = Path.of("src/test/resources/x12/golden-271.txt");
    static final X12Envelope ENVELOPE =
            new X12Envelope("SIMPAYER", "CHART2CLAIM", 501, LocalDateTime.of(2026, 3, 1, 9, 5), 'T');

    static String answer270(byte[] x12) throws X12FormatException {
        Eligibility270Reader.Read read = Eligibility270Reader.read(x12);
        List<Eligibility271Writer.Answered> answered = new ArrayList<>();
        for (Inquiry270 q : read.inquiries()) {
            answered.add(new Eligibility271Writer.Answered(
                    q,
                    EligibilityCheck.answer(
                            new EligibilityRequest(
                                    q.payerId(),
                                    q.memberId(),
                                    q.lastName(),
                                    q.firstName(),
                                    q.birthDate(),
                                    q.dateOfService(),
                                    q.serviceTypes().getFirst(),
                                    null),
                            EligibilityCheckTest.RULES,
                            EligibilityCheckTest.BENEFITS,
                            EligibilityCheck.LedgerShare.NONE)));
        }
        return new Eligibility271Writer().write(read.reference(), answered, ENVELOPE);
    }

    @Test
    void readsTheGolden270() throws Exception {
        Eligibility270Reader.Read read = Eligibility270Reader.read(Files.readAllBytes(GOLDEN_270));
        assertThat(read.reference()).isEqualTo("ELIG-0001");
        assertThat(read.inquiries()).hasSize(3);
        Inquiry270 first = read.inquiries().getFirst();
        assertThat(first.payerId()).isEqualTo("ppo-sim");
        assertThat(first.receiverNpi()).isEqualTo("1401010107");
        assertThat(first.trace()).isEqualTo("93175-0001");
        assertThat(first.memberId()).isEqualTo("W514476320");
        assertThat(first.lastName()).isEqualTo("GREENLEAF");
        assertThat(first.birthDate()).isEqualTo(LocalDate.of(1983, 12, 14));
        assertThat(first.dateOfService()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(first.serviceTypes()).containsExactly("98");
    }

    @Test
    void writesTheGolden271() throws Exception {
        String written = answer270(Files.readAllBytes(GOLDEN_270));
        assertThat(written).isEqualToIgnoringNewLines(Files.readString(GOLDEN_271, StandardCharsets.US_ASCII));
    }

    /** Segments by an independent split on the delimiters ISA itself declares (element at 3, terminator at 105). */
    static List<String[]> segments(String x12) {
        String isa = x12.substring(0, 106);
        char element = isa.charAt(3);
        char terminator = isa.charAt(105);
        List<String[]> out = new ArrayList<>();
        for (String s : x12.split(java.util.regex.Pattern.quote(String.valueOf(terminator)))) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t.split(java.util.regex.Pattern.quote(String.valueOf(element)), -1));
            }
        }
        return out;
    }

    @Test
    void anIndependentParseOfThe271FindsAValidEnvelopeHlTreeAndTheAnswers() throws Exception {
        List<String[]> segs = segments(Files.readString(GOLDEN_271, StandardCharsets.US_ASCII));
        assertThat(segs.getFirst()[0]).isEqualTo("ISA");
        assertThat(segs.get(1)).startsWith("GS", "HB");
        assertThat(segs.get(1)[8]).isEqualTo("005010X279A1");
        int st = -1;
        int se = -1;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            lines.add(String.join("*", segs.get(i)));
            if (segs.get(i)[0].equals("ST")) {
                st = i;
                assertThat(segs.get(i)[1]).isEqualTo("271");
            }
            if (segs.get(i)[0].equals("SE")) {
                se = i;
            }
        }
        // SE01 counts ST through SE; GE01 one transaction; IEA02 = ISA13
        assertThat(Integer.parseInt(segs.get(se)[1])).isEqualTo(se - st + 1);
        assertThat(segs.get(segs.size() - 2)).startsWith("GE", "1");
        assertThat(segs.getLast()[2]).isEqualTo(segs.getFirst()[13]);
        // HL numbering 1..n, each parent an earlier HL
        int expected = 1;
        for (String[] s : segs) {
            if (s[0].equals("HL")) {
                assertThat(Integer.parseInt(s[1])).isEqualTo(expected++);
                if (!s[2].isEmpty()) {
                    assertThat(Integer.parseInt(s[2])).isLessThan(Integer.parseInt(s[1]));
                }
            }
        }
        assertThat(expected - 1).isEqualTo(9); // three inquiries: 20, 21, 22 each
        // Greenleaf: active PPO, $30 office copay, $1000 deductible, $4000 out-of-pocket, PCP
        assertThat(lines)
                .contains(
                        "TRN*2*93175-0001*9877281234",
                        "NM1*IL*1*GREENLEAF*VANESSA****MI*W514476320",
                        "EB*1*IND*98*C1*Blue Horizon PPO (simulated)",
                        "EB*C*IND*30*C1**23*1000",
                        "EB*B*IND*98*C1**27*30",
                        "EB*G*IND*30*C1**23*4000",
                        "NM1*P3*1*OKAFOR*LENA****XX*1502020203")
                // Tenney: coverage ended (inactive, with the reason); Doe: subscriber not found
                .contains("EB*6*IND*30*C1*Blue Horizon PPO (simulated)", "DTP*347*D8*20260131", "AAA*N**75*C");
    }

    @Test
    void malformed270sNameTheSegmentAndPosition() throws Exception {
        String golden = Files.readString(GOLDEN_270, StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Eligibility270Reader.read(
                        golden.replace("005010X279A1~\nST", "005010X222A1~\nST").getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(X12FormatException.class)
                .hasMessageContaining("segment GS (segment #2), element 8");
        assertThatThrownBy(() -> Eligibility270Reader.read(
                        golden.replace("DMG*D8*19831214", "DMG*D8*19831314").getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(X12FormatException.class)
                .hasMessageContaining("segment DMG (segment #12), element 2")
                .hasMessageContaining("'19831314' is not a date");
        assertThatThrownBy(() -> Eligibility270Reader.read(golden.replace("NM1*IL*1*DOE*JANE****MI*W000000000~\n", "")
                        .replace("SE*25", "SE*24")
                        .getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(X12FormatException.class)
                .hasMessageContaining("segment HL (segment #21)")
                .hasMessageContaining("without NM1*IL");
        assertThatThrownBy(() -> Eligibility270Reader.read(
                        golden.replace("SE*25", "SE*26").getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(X12FormatException.class)
                .hasMessageContaining("SE");
        assertThatThrownBy(() -> Eligibility270Reader.read("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(X12FormatException.class);
    }

    /** Run once by hand to (re)write the golden 271 after a deliberate change; the test above then pins it. */
    static void main(String[] args) throws IOException, X12FormatException {
        Files.writeString(GOLDEN_271, answer270(Files.readAllBytes(GOLDEN_270)), StandardCharsets.US_ASCII);
    }
}
