package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.payer.PayerFixtures;
import org.junit.jupiter.api.Test;

/** The payer-data corrections of issue 14: places of service, Part D vaccine, excision + repair pair. */
class PayerDataCorrectionsTest {

    private static Claim one(ClaimBuilder visit, String pos, String code) {
        return visit.placeOfService(pos)
                .lines(List.of())
                .line(DOS, code, List.of(), 1, List.of(1), new BigDecimal("200"))
                .build();
    }

    @Test
    void hospitalCareCodesArePayableForObservationInOutpatientHospitalPlaces() {
        var edit = new PlaceOfServiceEdit();
        for (String pos : List.of("19", "21", "22")) {
            assertUntouched(run(edit, one(medicareVisit(), pos, "99222")));
            assertUntouched(run(edit, one(medicareVisit(), pos, "99239")));
        }
        assertDenied(run(edit, one(medicareVisit(), "11", "99222")), 1, "CO-58", edit);
    }

    @Test
    void officeAndPreventiveVisitsArePayableInPos19() {
        var edit = new PlaceOfServiceEdit();
        assertUntouched(run(edit, one(medicareVisit(), "19", "99213")));
        assertUntouched(run(edit, one(ppoVisit(), "19", "99395")));
        assertDenied(run(edit, one(medicareVisit(), "23", "99213")), 1, "CO-58", edit);
    }

    @Test
    void medicareSendsTheZosterVaccineToPartDOtherPayersPayIt() {
        var edit = new NotCoveredEdit();
        var a = assertDenied(run(edit, one(medicareVisit(), "11", "90750")), 1, "CO-109", edit);
        assertThat(a.explanation()).contains("Part D");
        assertUntouched(run(edit, one(ppoVisit(), "11", "90750")));
    }

    @Test
    void anIntermediateRepairOfTheExcisionWoundIsNotBundledIntoTheExcision() {
        assertThat(PayerFixtures.rules().ptpEditsForColumn2("12031", DOS))
                .noneMatch(e -> e.column1().equals("11602"));
        Claim excisionAndRepair = medicareVisit()
                .diagnoses("C44.519")
                .lines(List.of())
                .line(DOS, "11602", List.of(), 1, List.of(1), new BigDecimal("616"))
                .line(DOS, "12031", List.of(), 1, List.of(1), new BigDecimal("473"))
                .build();
        assertUntouched(run(new NcciPtpEdit(), excisionAndRepair));
    }
}
