package org.chart2claim.billing.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The payer's eligibility and benefits answer (what a 271 says), as the API returns it. For a member not found or a
 * name/birth date that does not match, only {@code active=false}, the reason and its X12 reject code are given: a
 * payer discloses no benefits to an inquiry it cannot match.
 *
 * @param reason      why not active: NOT_FOUND, MISMATCH, TERMINATED, NOT_YET_COVERED, UNKNOWN_PAYER
 * @param rejectCode  271 AAA03 for a request the payer could not match (75 subscriber not found, 73 name, 58 birth
 *                    date), null otherwise
 * @param copay       per visit by service type code
 * @param coinsurance the member's percent after the deductible for the requested service type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EligibilityAnswer(
        boolean active,
        String reason,
        String message,
        String rejectCode,
        String payerId,
        String payerName,
        String memberId,
        String lastName,
        String firstName,
        LocalDate birthDate,
        String plan,
        String groupNumber,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        LocalDate dateOfService,
        String serviceType,
        String serviceTypeName,
        String pcp,
        Deductible deductible,
        Map<String, BigDecimal> copay,
        Integer coinsurance,
        OutOfPocket outOfPocket,
        List<String> priorAuthorizationRequired,
        List<String> authorizationsOnFile,
        OtherCoverage otherCoverage,
        List<PlanBenefits.Benefit> benefits) {

    /** Annual deductible, the part met this year (before our claims plus PR-1 posted in the ledger), what is left. */
    public record Deductible(BigDecimal annual, BigDecimal met, BigDecimal remaining) {}

    /** Out-of-pocket maximum (null = none), what the member paid toward it this year, what is left. */
    public record OutOfPocket(BigDecimal max, BigDecimal met, BigDecimal remaining) {}

    /** Another plan on file: pays first (primary) or after this one (secondary). */
    public record OtherCoverage(String payer, String policy, String order) {}
}
