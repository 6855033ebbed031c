package org.chart2claim.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.standard.Npi;
import org.junit.jupiter.api.Test;

class ClaimScrubberTest {
    final ClaimScrubber scrubber = new ClaimScrubber();
    static final LocalDate TODAY = PayerFixtures.TODAY;

    List<String> boxes(Claim c) {
        return scrubber.scrub(c, TODAY).stream().map(ScrubFinding::box).toList();
    }

    @Test
    void aCompleteClaimHasNoFindings() {
        assertThat(scrubber.scrub(PayerFixtures.medicareVisit().build(), TODAY)).isEqualTo(List.of());
    }

    @Test
    void npiCheckDigit() {
        assertThat(Npi.isValid("1234567893")).as("the CMS example NPI").isTrue();
        assertThat(Npi.isValid("1234567890")).isFalse();
        assertThat(Npi.isValid("123456789")).isFalse();
        assertThat(Npi.isValid("12345678AB")).isFalse();
        assertThat(Npi.isValid(null)).isFalse();
        assertThat(boxes(PayerFixtures.medicareVisit()
                                .rendering(new Provider(PersonName.of("X", "Y"), "1502020204"))
                                .build())
                        .contains("24J"))
                .isTrue();
    }

    @Test
    void pointerOutOfRangeAndMissingPointer() {
        Claim c = PayerFixtures.medicareVisit()
                .lines(List.of())
                .line(PayerFixtures.DOS, "99213", List.of(), 1, List.of(3), new BigDecimal("100"))
                .line(PayerFixtures.DOS, "36415", List.of(), 1, List.of(), new BigDecimal("10"))
                .build();
        var findings = scrubber.scrub(c, TODAY);
        assertThat(findings.stream()
                        .anyMatch(f -> f.box().equals("24E") && f.message().contains("Pointer C")))
                .isTrue();
        assertThat(findings.stream()
                        .anyMatch(f -> f.box().equals("24E") && f.field().startsWith("line 2")))
                .isTrue();
    }

    @Test
    void dateOrderFutureAndBeforeBirth() {
        LocalDate dos = PayerFixtures.DOS;
        Claim c = PayerFixtures.medicareVisit()
                .lines(List.of(
                        new ServiceLine(
                                dos,
                                dos.minusDays(1),
                                "",
                                false,
                                "99213",
                                List.of(),
                                List.of(1),
                                new BigDecimal("100"),
                                1,
                                ""),
                        new ServiceLine(
                                TODAY.plusDays(1),
                                null,
                                "",
                                false,
                                "99213",
                                List.of(),
                                List.of(1),
                                new BigDecimal("100"),
                                1,
                                ""),
                        new ServiceLine(
                                LocalDate.of(1950, 1, 1),
                                null,
                                "",
                                false,
                                "99213",
                                List.of(),
                                List.of(1),
                                new BigDecimal("100"),
                                1,
                                "")))
                .build();
        var messages = scrubber.scrub(c, TODAY).stream()
                .filter(f -> f.box().equals("24A"))
                .map(ScrubFinding::message)
                .toList();
        assertThat(messages.size()).as(messages.toString()).isEqualTo(3);
    }

    @Test
    void requiredBoxesOfABlankClaim() {
        var b = boxes(new ClaimBuilder().build());
        for (String box : List.of("1a", "2", "3", "4", "5", "21", "24", "25", "26", "33", "33a")) {
            assertThat(b.contains(box)).as(box + " in " + b).isTrue();
        }
    }

    @Test
    void codeFormatsModifiersUnitsChargeAndPos() {
        Claim c = PayerFixtures.medicareVisit()
                .diagnoses("E11.40", "1234")
                .placeOfService("98")
                .lines(List.of())
                .line(PayerFixtures.DOS, "9921", List.of("2"), 0, List.of(1), BigDecimal.ZERO)
                .build();
        var b = boxes(c);
        for (String box : List.of("21", "24B", "24D", "24F", "24G")) {
            assertThat(b.contains(box)).as(box + " in " + b).isTrue();
        }
    }

    @Test
    void replacementNeedsTheOriginalClaimNumber() {
        assertThat(boxes(PayerFixtures.medicareVisit()
                                .frequency(FrequencyCode.REPLACEMENT, "")
                                .build())
                        .contains("22"))
                .isTrue();
        assertThat(boxes(PayerFixtures.medicareVisit()
                                .frequency(FrequencyCode.REPLACEMENT, "SIM00000001")
                                .build())
                        .contains("22"))
                .isFalse();
    }

    @Test
    void autoAccidentNeedsAState() {
        assertThat(boxes(PayerFixtures.medicareVisit()
                                .accident(new AccidentIndicators(false, true, "", false))
                                .build())
                        .contains("10b"))
                .isTrue();
    }
}
