package org.chart2claim.appeal.otherpayer;

import java.time.LocalDate;

/**
 * What the eligibility response (271) says about the member on the date of service, read when a biller considers
 * billing another payer (CO-22, CO-109, CO-26, CO-27).
 *
 * @param active      the denying payer covered the member on the date of service
 * @param otherPayer  the other coverage on file (null when none), its policy and order ("primary": it pays first)
 */
public record CoverageFacts(
        String payerName,
        String memberId,
        LocalDate dateOfService,
        boolean active,
        String inactiveMessage,
        String otherPayer,
        String otherPolicy,
        String otherOrder) {
    public boolean hasOtherCoverage() {
        return otherPayer != null && !otherPayer.isBlank();
    }

    public boolean otherIsPrimary() {
        return hasOtherCoverage() && "primary".equalsIgnoreCase(otherOrder);
    }
}
