package org.chart2claim.claim.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of(), oracle.getFatalErrors());
        assertEquals(List.of(), oracle.getErrors());
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
        assertEquals(claims.stream().map(Claim::patientControlNumber).toList(), pcns);
        List<String> expectedCodes = claims.stream()
                .flatMap(c -> c.lines().stream())
                .map(l -> String.join(":", concat("HC", l.code(), l.modifiers())))
                .toList();
        assertEquals(expectedCodes, codes);
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
        assertEquals(claims.size(), read.size());
        for (int i = 0; i < claims.size(); i++) {
            Claim in = claims.get(i);
            Claim out = read.get(i).claim();
            assertEquals(List.of(), read.get(i).problems());
            assertEquals(in.patientControlNumber(), out.patientControlNumber());
            assertEquals(in.payerId(), out.payerId());
            assertEquals(in.insured().memberId(), out.insured().memberId());
            assertEquals(in.patient().birthDate(), out.patient().birthDate());
            assertEquals(in.patient().sex(), out.patient().sex());
            assertEquals(in.relationship(), out.relationship());
            assertEquals(in.diagnoses().stream().map(CodeFormat::dotted).toList(), out.diagnoses());
            assertEquals(in.lines().size(), out.lines().size());
            for (int l = 0; l < in.lines().size(); l++) {
                var a = in.lines().get(l);
                var b = out.lines().get(l);
                assertEquals(a.code(), b.code());
                assertEquals(a.modifiers(), b.modifiers());
                assertEquals(a.pointers(), b.pointers());
                assertEquals(a.units(), b.units());
                assertEquals(0, a.charge().compareTo(b.charge()));
                assertEquals(a.from(), b.from());
            }
            assertEquals(in.frequency(), out.frequency());
            assertEquals(in.originalClaimNumber(), out.originalClaimNumber());
            assertEquals(in.priorAuthorization(), out.priorAuthorization());
            assertEquals(in.accident(), out.accident());
            assertEquals(in.referring().npi(), out.referring().npi());
            assertEquals(in.billing().npi(), out.billing().npi());
            assertEquals(in.billing().taxId().replace("-", ""), out.billing().taxId());
            if (in.relationship() != Relationship.SELF) {
                assertEquals(
                        in.patient().name().first().toUpperCase(),
                        out.patient().name().first());
            }
        }
        // and writing what we read gives the same interchange
        assertEquals(x12, writer.write(read.stream().map(ParsedClaim::claim).toList(), SampleClaims.ENVELOPE));
    }

    @Test
    void goldenOutput() throws Exception {
        String x12 = writer.write(claims, SampleClaims.ENVELOPE);
        Path golden = Path.of("src/test/resources/x12/golden-837p.txt");
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, x12);
        }
        assertTrue(Files.exists(golden), "golden file missing; run once with -DupdateGolden=true and review it");
        assertEquals(Files.readString(golden), x12);
    }
}
