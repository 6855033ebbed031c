package org.chart2claim.payer.data;

import java.time.LocalDate;

/**
 * NCCI-style procedure-to-procedure pair: column 2 is not paid with column 1 on the same date of service.
 * Modifier indicator 0 never bypassed, 1 bypassable with an NCCI-associated modifier, 9 not applicable.
 */
public record PtpEdit(
        String column1,
        String column2,
        LocalDate effective,
        LocalDate deletion,
        char modifierIndicator,
        String rationale) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effective) && (deletion == null || !date.isAfter(deletion)) && modifierIndicator != '9';
    }
}
