package org.chart2claim.claim.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.chart2claim.claim.AccidentIndicators;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.OtherCoverage;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Provider;
import org.chart2claim.claim.Relationship;
import org.chart2claim.claim.Sex;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.standard.x12.X12Envelope;

/** A spread of claims exercising every 837P part we write. */
public final class SampleClaims {
    public static final X12Envelope ENVELOPE =
            new X12Envelope("CHART2CLAIM", "MEDICARE-SIM", 101, LocalDateTime.of(2026, 3, 20, 12, 0), 'T');

    public static List<Claim> all() {
        LocalDate dos = PayerFixtures.DOS;
        Claim simple = PayerFixtures.medicareVisit().build();
        Claim procedureDay = PayerFixtures.medicareVisit()
                .patientControlNumber("PCN1002")
                .diagnoses("M17.11", "E11.40")
                .lines(List.of())
                .line(dos, "99214", List.of("25"), 1, List.of(1, 2), new BigDecimal("286.00"))
                .line(dos, "20610", List.of("RT"), 1, List.of(1), new BigDecimal("136.40"))
                .line(dos, "J3301", List.of(), 4, List.of(1), new BigDecimal("8.80"))
                .referring(new Provider(PersonName.of("Brandt", "Oskar"), "1093817462"))
                .build();
        Claim child = PayerFixtures.ppoVisit()
                .patientControlNumber("PCN1003")
                .relationship(Relationship.CHILD)
                .patient(new Patient(
                        PersonName.of("Fairbanks", "Milo"),
                        LocalDate.of(2019, 6, 1),
                        Sex.M,
                        new Address("4410 Sangamon Avenue", "", "Springfield", "IL", "62702")))
                .accident(new AccidentIndicators(false, true, "IL", false))
                .otherCoverage(new OtherCoverage(PersonName.of("Fairbanks", "Ian"), "OTH778", "Other Health Plan"))
                .priorAuthorization("PA-26-0000001")
                .diagnoses("S52.501A")
                .lines(List.of())
                .line(dos, "25600", List.of("LT"), 1, List.of(1), new BigDecimal("682.00"))
                .build();
        Claim replacement = PayerFixtures.medicareVisit()
                .patientControlNumber("PCN1004")
                .frequency(FrequencyCode.REPLACEMENT, "SIM00000042")
                .build();
        return List.of(simple, procedureDay, child, replacement);
    }

    private SampleClaims() {}
}
