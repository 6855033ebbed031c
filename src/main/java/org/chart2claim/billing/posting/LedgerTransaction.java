package org.chart2claim.billing.posting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One posted transaction of a practice ledger. Remittance postings name the claim and line they come from and,
 * for adjustments, the 835's group code and CARC and the payer's edit; manual postings carry the payment method
 * and reference. A reversal (the payer taking a claim back) posts the original's transactions with negative
 * amounts, so sums over a ledger stay true.
 *
 * @param id           database id (0 before it is stored)
 * @param account      the patient's account number ({@link PatientAccount})
 * @param claimNumber  payer claim number (CLP07), blank for manual postings
 * @param line         service line number (1-based), 0 for manual postings
 * @param serviceDate  date of service of the line (aging starts here); for a manual posting the posting date
 * @param postedOn     the practice's date of the posting (simulated clock)
 * @param group        835 CAS01 group code (CO, PR, OA, PI) of an adjustment, blank otherwise
 * @param carc         claim adjustment reason code of an adjustment, blank otherwise
 * @param edit         the payer edit that made the adjustment, blank otherwise
 * @param method       cash, check or card for manual postings, blank otherwise
 */
public record LedgerTransaction(
        long id,
        String account,
        String patient,
        String payerId,
        String memberId,
        String claimNumber,
        int line,
        String code,
        LocalDate serviceDate,
        LocalDate postedOn,
        TransactionType type,
        BigDecimal amount,
        String group,
        String carc,
        String edit,
        String method,
        String reference,
        String note) {

    public BigDecimal insuranceEffect() {
        return amount.multiply(BigDecimal.valueOf(type.insuranceSign()));
    }

    public BigDecimal patientEffect() {
        return amount.multiply(BigDecimal.valueOf(type.patientSign()));
    }

    public BigDecimal denialEffect() {
        return amount.multiply(BigDecimal.valueOf(type.denialSign()));
    }

    /** "CO-45" for an adjustment, blank otherwise. */
    public String label() {
        return group == null || group.isBlank() ? "" : group + "-" + carc;
    }

    public LedgerTransaction withId(long newId) {
        return new LedgerTransaction(
                newId,
                account,
                patient,
                payerId,
                memberId,
                claimNumber,
                line,
                code,
                serviceDate,
                postedOn,
                type,
                amount,
                group,
                carc,
                edit,
                method,
                reference,
                note);
    }
}
