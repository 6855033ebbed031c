package org.chart2claim.billing.eligibility;

import java.time.LocalDate;

/**
 * An eligibility and benefits inquiry (what a 270 asks): which payer and member, the patient's name and birth date
 * as the practice has them, the date of service and the X12 service type (EB03/EQ01, e.g. 30 plan coverage, 98
 * office visit). {@code ledger} names the practice ledger whose posted claims count toward "deductible met".
 */
public record EligibilityRequest(
        String payerId,
        String memberId,
        String lastName,
        String firstName,
        LocalDate birthDate,
        LocalDate dateOfService,
        String serviceType,
        String ledger) {}
