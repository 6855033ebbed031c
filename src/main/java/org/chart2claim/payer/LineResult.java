package org.chart2claim.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A service line's adjudication: billed = paid + sum of adjustments, always. */
public record LineResult(
        int line,
        String code,
        List<String> modifiers,
        int units,
        LocalDate serviceDate,
        BigDecimal billed,
        BigDecimal allowed,
        BigDecimal paid,
        List<Adjustment> adjustments) {
    public LineResult {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
    }

    public BigDecimal patientResponsibility() {
        return adjustments.stream()
                .filter(a -> a.group() == GroupCode.PR)
                .map(Adjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public LineResult withoutHints() {
        return new LineResult(
                line,
                code,
                modifiers,
                units,
                serviceDate,
                billed,
                allowed,
                paid,
                adjustments.stream().map(Adjustment::withoutHint).toList());
    }
}
