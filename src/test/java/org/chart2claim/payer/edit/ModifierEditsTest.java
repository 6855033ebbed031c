package org.chart2claim.payer.edit;

import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** InvalidModifierEdit and MissingModifierEdit. */
class ModifierEditsTest {
    static org.chart2claim.claim.Claim knee(List<String> modifiers, String pos) {
        return medicareVisit()
                .diagnoses("M17.11")
                .placeOfService(pos)
                .lines(List.of())
                .line(DOS, "20610", modifiers, 1, List.of(1), new BigDecimal("140"))
                .build();
    }

    @Test
    void unknownModifierIsCo4() {
        var edit = new InvalidModifierEdit();
        assertDenied(run(edit, knee(List.of("ZZ"), "11")), 1, "CO-4", edit);
    }

    @Test
    void modifier25OnAProcedureIsCo4() {
        var edit = new InvalidModifierEdit();
        assertDenied(run(edit, knee(List.of("25", "RT"), "11")), 1, "CO-4", edit);
    }

    @Test
    void professionalComponentOnAGlobalOnlyCodeIsCo4() {
        var edit = new InvalidModifierEdit();
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "93000", List.of("26"), 1, List.of(1), new BigDecimal("40"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-4", edit);
    }

    @Test
    void validModifiersPass() {
        assertUntouched(run(new InvalidModifierEdit(), knee(List.of("RT"), "11")));
    }

    @Test
    void missingLateralityIsCo4() {
        var edit = new MissingModifierEdit();
        assertDenied(run(edit, knee(List.of(), "11")), 1, "CO-4", edit);
    }

    @Test
    void lateralityPresentPasses() {
        assertUntouched(run(new MissingModifierEdit(), knee(List.of("LT"), "11")));
    }

    @Test
    void xrayReadInTheEdNeeds26() {
        var edit = new MissingModifierEdit();
        var claim = medicareVisit()
                .placeOfService("23")
                .lines(List.of())
                .line(DOS, "71046", List.of(), 1, List.of(1), new BigDecimal("70"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-4", edit);
        var with26 = medicareVisit()
                .placeOfService("23")
                .lines(List.of())
                .line(DOS, "71046", List.of("26"), 1, List.of(1), new BigDecimal("70"))
                .build();
        assertUntouched(run(edit, with26));
    }
}
