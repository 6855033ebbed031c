package org.chart2claim.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.Relationship;
import org.chart2claim.codebook.CodeFormat;
import org.junit.jupiter.api.Test;

class Claim837WriterTest {
    final Claim837Writer writer = new Claim837Writer();
    final List<Claim> claims = SampleClaims.all();

    @Test
    void everyGeneratedClaimParsesWithTheIndependentParser() throws Exception {
        String x12 = writer.write(claims, SampleClaims.ENVELOPE);
        X12Reader oracle = new X12Reader(
                X12Reader.FileType.ANSI837_5010_X222,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)));
        assertThat(oracle.getFatalErrors()).isEqualTo(List.of());
        assertThat(oracle.getErrors()).isEqualTo(List.of());
        List<String> pcns = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Loop isa : oracle.getLoops()) {
            for (Loop claim : isa.findLoop("2300")) {
                pcns.add(claim.getSegment("CLM").getElementValue("CLM01"));
            }
            for (Loop line : isa.findLoop("2400")) {
                codes.add(line.getSegment("SV1").getElementValue("SV101"));
            }
        }
        assertThat(pcns)
                .isEqualTo(claims.stream().map(Claim::patientControlNumber).toList());
        List<String> expectedCodes = claims.stream()
                .flatMap(c -> c.lines().stream())
                .map(l -> String.join(":", concat("HC", l.code(), l.modifiers())))
                .toList();
        assertThat(codes).isEqualTo(expectedCodes);
    }

    private static List<String> concat(String q, String code, List<String> mods) {
        List<String> out = new ArrayList<>(List.of(q, code));
        out.addAll(mods);
        return out;
    }

    @Test
    void ourReaderGetsTheSameClaimsBack() throws Exception {
        String x12 = writer.write(claims, SampleClaims.ENVELOPE);
        List<ParsedClaim> read =
                Claim837Reader.readAll(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)));
        assertThat(read.size()).isEqualTo(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            Claim in = claims.get(i);
            Claim out = read.get(i).claim();
            assertThat(read.get(i).problems()).isEqualTo(List.of());
            assertThat(out.patientControlNumber()).isEqualTo(in.patientControlNumber());
            assertThat(out.payerId()).isEqualTo(in.payerId());
            assertThat(out.insured().memberId()).isEqualTo(in.insured().memberId());
            assertThat(out.patient().birthDate()).isEqualTo(in.patient().birthDate());
            assertThat(out.patient().sex()).isEqualTo(in.patient().sex());
            assertThat(out.relationship()).isEqualTo(in.relationship());
            assertThat(out.diagnoses())
                    .isEqualTo(in.diagnoses().stream().map(CodeFormat::dotted).toList());
            assertThat(out.lines().size()).isEqualTo(in.lines().size());
            for (int l = 0; l < in.lines().size(); l++) {
                var a = in.lines().get(l);
                var b = out.lines().get(l);
                assertThat(b.code()).isEqualTo(a.code());
                assertThat(b.modifiers()).isEqualTo(a.modifiers());
                assertThat(b.pointers()).isEqualTo(a.pointers());
                assertThat(b.units()).isEqualTo(a.units());
                assertThat(a.charge().compareTo(b.charge())).isEqualTo(0);
                assertThat(b.from()).isEqualTo(a.from());
            }
            assertThat(out.frequency()).isEqualTo(in.frequency());
            assertThat(out.originalClaimNumber()).isEqualTo(in.originalClaimNumber());
            assertThat(out.priorAuthorization()).isEqualTo(in.priorAuthorization());
            assertThat(out.accident()).isEqualTo(in.accident());
            assertThat(out.referring().npi()).isEqualTo(in.referring().npi());
            assertThat(out.billing().npi()).isEqualTo(in.billing().npi());
            assertThat(out.billing().taxId()).isEqualTo(in.billing().taxId().replace("-", ""));
            if (in.relationship() != Relationship.SELF) {
                assertThat(out.patient().name().first())
                        .isEqualTo(in.patient().name().first().toUpperCase());
            }
        }
        // and writing what we read gives the same interchange
        assertThat(writer.write(read.stream().map(ParsedClaim::claim).toList(), SampleClaims.ENVELOPE))
                .isEqualTo(x12);
    }

    @Test
    void goldenOutput() throws Exception {
        String x12 = writer.write(claims, SampleClaims.ENVELOPE);
        Path golden = Path.of("src/test/resources/x12/golden-837p.txt");
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, x12);
        }
        assertThat(Files.exists(golden))
                .as("golden file missing; run once with -DupdateGolden=true and review it")
                .isTrue();
        assertThat(x12).isEqualTo(Files.readString(golden));
    }
}
