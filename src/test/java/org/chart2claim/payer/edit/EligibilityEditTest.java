package org.chart2claim.payer.edit;

import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Sex;
import org.junit.jupiter.api.Test;

class EligibilityEditTest {
    final EligibilityEdit edit = new EligibilityEdit();

    @Test
    void activeMemberPasses() {
        assertUntouched(run(edit, medicareVisit().build()));
    }

    @Test
    void unknownMemberIsNotOurInsured() {
        var claim = medicareVisit()
                .insured(new Insured(
                        "NOPE123", PersonName.of("X", "Y"), LocalDate.of(1950, 1, 1), Sex.F, Address.empty(), "", ""))
                .build();
        assertDenied(run(edit, claim), 1, "CO-31", edit);
    }

    @Test
    void serviceAfterTerminationIsCo27() {
        var claim = ppoVisit()
                .insured(new Insured(
                        "W700100201",
                        PersonName.of("Tenney", "Harold"),
                        LocalDate.of(1969, 4, 11),
                        Sex.M,
                        Address.empty(),
                        "",
                        ""))
                .lines(List.of())
                .line(LocalDate.of(2026, 2, 2), "99213", List.of(), 1, List.of(1), new BigDecimal("200"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-27", edit);
    }

    @Test
    void serviceBeforeCoverageBeganIsCo26() {
        var claim = medicareVisit()
                .insured(new Insured(
                        "9TT2AB3CD45",
                        PersonName.of("Abernethy", "Ruth"),
                        LocalDate.of(1961, 6, 14),
                        Sex.F,
                        Address.empty(),
                        "",
                        ""))
                .build();
        assertDenied(run(edit, claim), 1, "CO-26", edit);
    }
}
