package org.chart2claim.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Boxes 9, 9a, 9d and 11d: another health benefit plan, when there is one (X12 837P loop 2320 with 2330A/B). On a
 * claim to the secondary payer it also carries what the primary paid ({@code priorPayment}: box 29, 2320 AMT*D and
 * per line 2430 SVD/CAS/DTP*573), so the secondary coordinates its payment; {@code null} before the primary paid.
 */
public record OtherCoverage(PersonName otherInsured, String policyNumber, String planName, PriorPayment priorPayment) {

    public OtherCoverage(PersonName otherInsured, String policyNumber, String planName) {
        this(otherInsured, policyNumber, planName, null);
    }

    /**
     * The other (primary) payer's adjudication of this claim: its payer id (2330B NM109), the date it adjudicated
     * (2430 DTP*573), what it paid in total (2320 AMT*D, box 29) and per line.
     */
    public record PriorPayment(String payerId, LocalDate adjudicatedOn, BigDecimal paid, List<LinePayment> lines) {
        public PriorPayment {
            paid = paid == null ? BigDecimal.ZERO : paid;
            lines = lines == null ? List.of() : List.copyOf(lines);
        }

        /** What the primary paid on line {@code number} (1-based), zero when it names no such line. */
        public BigDecimal paidOnLine(int number) {
            return lines.stream()
                    .filter(l -> l.line() == number)
                    .map(LinePayment::paid)
                    .findFirst()
                    .orElse(BigDecimal.ZERO);
        }
    }

    /** One line as the primary answered it: 2430 SVD (paid) and CAS (group, CARC, amount). */
    public record LinePayment(int line, String code, BigDecimal paid, List<PriorAdjustment> adjustments) {
        public LinePayment {
            paid = paid == null ? BigDecimal.ZERO : paid;
            adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        }
    }

    /** A CAS adjustment of the primary: group (CO/PR/OA/PI), CARC, amount. */
    public record PriorAdjustment(String group, String carc, BigDecimal amount) {}
}
