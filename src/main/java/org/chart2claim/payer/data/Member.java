package org.chart2claim.payer.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.chart2claim.claim.Sex;

/** An enrolled member with coverage dates (end null = still covered) and the deductible met before our claims. */
public record Member(
        String payerId,
        String memberId,
        String lastName,
        String firstName,
        LocalDate birthDate,
        Sex sex,
        String plan,
        String groupNumber,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        BigDecimal deductibleMet,
        String note) {

    public boolean coveredOn(LocalDate date) {
        return !date.isBefore(coverageStart) && (coverageEnd == null || !date.isAfter(coverageEnd));
    }
}
