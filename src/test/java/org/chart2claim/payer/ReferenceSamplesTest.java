package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chart2claim.claim.x12.Claim837Reader;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.claim.x12.X12FormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real 837 samples in ../shared/reference/x12 (skipped when absent) are each either read and
 * adjudicated, or rejected with a clear reason: a syntax error naming segment and position, or front-end
 * rejections (ICD-9 qualifiers, unknown payer, invalid NPI...). Nothing else may happen, e.g. no crash.
 */
class ReferenceSamplesTest {
    static final Path SAMPLES = Path.of("..", "shared", "reference", "x12");

    @TestFactory
    Stream<DynamicTest> everySampleIsAcceptedOrRejectedWithAReason() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "reference X12 samples not present");
        List<Path> files;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("837"))
                    .sorted()
                    .toList();
        }
        Adjudicator adjudicator = PayerFixtures.adjudicator();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        List<ParsedClaim> claims = Claim837Reader.readAll(in);
                        assertThat(claims.isEmpty()).isFalse();
                        for (ParsedClaim pc : claims) {
                            ClaimResult r = adjudicator.adjudicate(
                                    new AdjudicationRequest(
                                            pc.claim(), pc.problems(), PayerFixtures.TODAY, List.of(), null, "REF"),
                                    PayerFixtures.TODAY);
                            assertThat(r.status()).isNotNull();
                            if (r.status() == ClaimStatus.REJECTED) {
                                assertThat(r.rejections().stream()
                                                .allMatch(x -> !x.reason().isBlank()))
                                        .isTrue();
                            } else {
                                r.lines()
                                        .forEach(l -> l.adjustments()
                                                .forEach(a -> assertThat(
                                                                a.explanation().isBlank())
                                                        .isFalse()));
                            }
                            System.out.println(file.getFileName() + " "
                                    + pc.claim().patientControlNumber() + " → " + r.status()
                                    + (r.rejections().isEmpty()
                                            ? ""
                                            : " " + r.rejections().getFirst().reason()));
                        }
                    } catch (X12FormatException e) {
                        assertThat(e.getMessage().startsWith("X12 error"))
                                .as(e.getMessage())
                                .isTrue();
                        assertThat(e.reason().isBlank()).isFalse();
                        System.out.println(file.getFileName() + " → " + e.getMessage());
                    }
                }));
    }
}
