package org.chart2claim.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of(), scrubber.scrub(PayerFixtures.medicareVisit().build(), TODAY));
    }

    @Test
    void npiCheckDigit() {
        assertTrue(Npi.isValid("1234567893"), "the CMS example NPI");
        assertFalse(Npi.isValid("1234567890"));
        assertFalse(Npi.isValid("123456789"));
        assertFalse(Npi.isValid("12345678AB"));
        assertFalse(Npi.isValid(null));
        assertTrue(boxes(PayerFixtures.medicareVisit()
                        .rendering(new Provider(PersonName.of("X", "Y"), "1502020204"))
                        .build())
                .contains("24J"));
    }

    @Test
    void pointerOutOfRangeAndMissingPointer() {
        Claim c = PayerFixtures.medicareVisit()
                .lines(List.of())
                .line(PayerFixtures.DOS, "99213", List.of(), 1, List.of(3), new BigDecimal("100"))
                .line(PayerFixtures.DOS, "36415", List.of(), 1, List.of(), new BigDecimal("10"))
                .build();
        var findings = scrubber.scrub(c, TODAY);
        assertTrue(findings.stream()
                .anyMatch(f -> f.box().equals("24E") && f.message().contains("Pointer C")));
        assertTrue(findings.stream()
                .anyMatch(f -> f.box().equals("24E") && f.field().startsWith("line 2")));
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
        assertEquals(3, messages.size(), messages.toString());
    }

    @Test
    void requiredBoxesOfABlankClaim() {
        var b = boxes(new ClaimBuilder().build());
        for (String box : List.of("1a", "2", "3", "4", "5", "21", "24", "25", "26", "33", "33a")) {
            assertTrue(b.contains(box), box + " in " + b);
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
            assertTrue(b.contains(box), box + " in " + b);
        }
    }

    @Test
    void replacementNeedsTheOriginalClaimNumber() {
        assertTrue(boxes(PayerFixtures.medicareVisit()
                        .frequency(FrequencyCode.REPLACEMENT, "")
                        .build())
                .contains("22"));
        assertFalse(boxes(PayerFixtures.medicareVisit()
                        .frequency(FrequencyCode.REPLACEMENT, "SIM00000001")
                        .build())
                .contains("22"));
    }

    @Test
    void autoAccidentNeedsAState() {
        assertTrue(boxes(PayerFixtures.medicareVisit()
                        .accident(new AccidentIndicators(false, true, "", false))
                        .build())
                .contains("10b"));
    }
}
