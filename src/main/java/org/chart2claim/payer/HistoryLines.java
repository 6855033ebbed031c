package org.chart2claim.payer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;

/**
 * The history rows of one adjudicated claim: one per service line of a processed (not rejected) claim. A reversal
 * has none: it takes its original's rows out of the history instead (see {@link ClaimLedger#storeReversal}).
 */
final class HistoryLines {

    /**
     * @param serviceYear year of the claim's first date of service (the deductible year), null when it has none
     * @param deductible  patient responsibility applied to the deductible (PR-1) on this line
     */
    record Line(int number, ServiceKey key, Integer serviceYear, BigDecimal deductible) {}

    private HistoryLines() {}

    static List<Line> of(Claim claim, ClaimResult result) {
        List<Line> out = new ArrayList<>();
        if (claim == null
                || result == null
                || result.status() == ClaimStatus.REJECTED
                || result.status() == ClaimStatus.REVERSED) {
            return out;
        }
        Integer year = claim.firstServiceDate() == null
                ? null
                : claim.firstServiceDate().getYear();
        for (int i = 0; i < claim.lines().size(); i++) {
            ServiceKey key = ServiceKey.of(claim, claim.lines().get(i));
            if (key == null) {
                continue;
            }
            BigDecimal deductible =
                    i < result.lines().size() ? deductible(result.lines().get(i)) : BigDecimal.ZERO;
            out.add(new Line(i + 1, key, year, deductible));
        }
        return out;
    }

    static BigDecimal deductibleApplied(ClaimResult result) {
        return result.lines().stream().map(HistoryLines::deductible).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal deductible(LineResult line) {
        return line.adjustments().stream()
                .filter(a -> a.group() == GroupCode.PR && "1".equals(a.carc()))
                .map(Adjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
