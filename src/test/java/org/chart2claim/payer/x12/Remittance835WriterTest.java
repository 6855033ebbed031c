package org.chart2claim.payer.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.imsweb.x12.reader.X12Reader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.x12.SampleClaims;
import org.chart2claim.claim.x12.Segment;
import org.chart2claim.claim.x12.X12SegmentReader;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimReversal;
import org.chart2claim.payer.ClaimReversalTest;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.PriorClaim;
import org.chart2claim.standard.x12.X12Envelope;
import org.junit.jupiter.api.Test;

class Remittance835WriterTest {
    static final X12Envelope ENV =
            new X12Envelope("MEDICARE-SIM", "CHART2CLAIM", 7001, LocalDateTime.of(2026, 3, 30, 9, 0), 'T');

    List<ClaimResult> results() {
        List<ClaimResult> out = new ArrayList<>();
        int n = 1;
        for (Claim c : SampleClaims.all()) {
            out.add(PayerFixtures.adjudicator()
                    .adjudicate(
                            new org.chart2claim.payer.AdjudicationRequest(
                                    c, List.of(), PayerFixtures.DOS.plusDays(10), List.of(), null, "SIM" + n++),
                            PayerFixtures.TODAY));
        }
        return out;
    }

    String write() {
        return new Remittance835Writer().write(results(), ENV, java.time.LocalDate.of(2026, 3, 30));
    }

    /** A paid original, its reversal and a replacement paying less: net negative, so a PLB carries the balance. */
    String writeReversal() {
        Claim original = PayerFixtures.ppoVisit().build();
        ClaimResult paid = ClaimReversalTest.adjudicate(original, "SIM00000001", List.of());
        ClaimResult reversal = ClaimReversal.of(paid);
        Claim replacement = ClaimBuilder.from(original)
                .frequency(FrequencyCode.REPLACEMENT, "SIM00000001")
                .lines(List.of())
                .line(PayerFixtures.DOS, "99212", List.of(), 1, List.of(1), new BigDecimal("120"))
                .build();
        ClaimResult replaced = ClaimReversalTest.adjudicate(
                replacement,
                "SIM00000002",
                List.of(new PriorClaim(original, paid), new PriorClaim(original, reversal)));
        return new Remittance835Writer().write(List.of(reversal, replaced), ENV, java.time.LocalDate.of(2026, 3, 30));
    }

    @Test
    void independentParserAcceptsOur835() throws Exception {
        assertOracleAccepts(write());
    }

    @Test
    void independentParserAcceptsAReversalWithStatus22AndANegativeBalance() throws Exception {
        String x12 = writeReversal();
        assertOracleAccepts(x12);
        assertBalanced(x12);
        assertThat(x12)
                .contains("CLP*PCN1001*22*-286*")
                .contains("BPR*H*0*C*NON")
                .contains("PLB*1401010107*20261231*FB:");
        Path golden = Path.of("src/test/resources/x12/golden-835-reversal.txt");
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, x12);
        }
        assertThat(golden).exists();
        assertThat(x12).isEqualTo(Files.readString(golden));
    }

    private static void assertOracleAccepts(String x12) throws Exception {
        X12Reader oracle = new X12Reader(
                X12Reader.FileType.ANSI835_5010_X221,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)));
        assertThat(oracle.getFatalErrors()).isEqualTo(List.of());
        assertThat(oracle.getErrors()).isEqualTo(List.of());
    }

    @Test
    void servicesAndClaimsBalance() throws Exception {
        assertBalanced(write());
    }

    /** Per SVC billed = paid + CAS, per CLP CLP03 = CLP04 + CAS, per transaction BPR02 = sum CLP04 - sum PLB. */
    private static void assertBalanced(String x12) throws Exception {
        List<Segment> segments = new ArrayList<>();
        X12SegmentReader.read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)), segments::add);
        BigDecimal bpr = BigDecimal.ZERO, clpTotal = BigDecimal.ZERO, plb = BigDecimal.ZERO;
        BigDecimal svcBilled = null, svcPaid = null, cas = BigDecimal.ZERO;
        BigDecimal clpBilled = null, clpPaid = null, clpCas = BigDecimal.ZERO;
        int services = 0;
        for (Segment s : segments) {
            if (s.tag().equals("SVC") || s.tag().equals("CLP") || s.tag().equals("SE")) {
                if (svcBilled != null) {
                    assertThat(svcBilled.compareTo(svcPaid.add(cas)))
                            .as("SVC billed = paid + CAS")
                            .isEqualTo(0);
                    clpCas = clpCas.add(cas);
                    services++;
                }
                svcBilled = null;
                cas = BigDecimal.ZERO;
            }
            if (s.tag().equals("CLP") || s.tag().equals("SE")) {
                if (clpBilled != null) {
                    assertThat(clpBilled.compareTo(clpPaid.add(clpCas)))
                            .as("CLP03 = CLP04 + CAS")
                            .isEqualTo(0);
                }
                clpBilled = null;
                clpCas = BigDecimal.ZERO;
            }
            if (s.tag().equals("SE")) {
                assertThat(bpr.compareTo(clpTotal.subtract(plb)))
                        .as("BPR02 = sum CLP04 - sum PLB")
                        .isEqualTo(0);
                clpTotal = BigDecimal.ZERO;
                plb = BigDecimal.ZERO;
            }
            switch (s.tag()) {
                case "BPR" -> bpr = new BigDecimal(s.element(2));
                case "PLB" -> plb = plb.add(new BigDecimal(s.element(4)));
                case "CLP" -> {
                    clpBilled = new BigDecimal(s.element(3));
                    clpPaid = new BigDecimal(s.element(4));
                    clpTotal = clpTotal.add(clpPaid);
                }
                case "SVC" -> {
                    svcBilled = new BigDecimal(s.element(2));
                    svcPaid = new BigDecimal(s.element(3));
                }
                case "CAS" -> {
                    for (int i = 3; i <= s.elements().size(); i += 3) {
                        if (!s.element(i).isEmpty()) {
                            cas = cas.add(new BigDecimal(s.element(i)));
                        }
                    }
                }
                default -> {}
            }
        }
        assertThat(services > 0).isTrue();
    }

    @Test
    void goldenOutput() throws Exception {
        String x12 = write();
        Path golden = Path.of("src/test/resources/x12/golden-835.txt");
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, x12);
        }
        assertThat(Files.exists(golden))
                .as("golden file missing; run once with -DupdateGolden=true and review it")
                .isTrue();
        assertThat(x12).isEqualTo(Files.readString(golden));
    }
}
