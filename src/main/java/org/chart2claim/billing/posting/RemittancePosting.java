package org.chart2claim.billing.posting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;

/**
 * Posts one remittance (a claim's 835 answer) to the practice ledger the way a billing office posts an ERA, line by
 * line: the charge, the payer's payment, and each CAS adjustment by its group and reason:
 *
 * <table>
 *   <caption>CAS adjustment → ledger transaction</caption>
 *   <tr><th>835</th><th>transaction</th><th>open balance moves to</th></tr>
 *   <tr><td>CO-45, CO-42, CO-253, CO-59</td><td>contractual adjustment</td><td>written off</td></tr>
 *   <tr><td>any other CO (e.g. CO-97, CO-16, CO-27, CO-150)</td><td>denial</td><td>denial worklist</td></tr>
 *   <tr><td>PR-1 / PR-2 / PR-3</td><td>deductible / coinsurance / copay</td><td>patient account</td></tr>
 *   <tr><td>any other PR (e.g. PR-204)</td><td>patient responsibility</td><td>patient account</td></tr>
 *   <tr><td>OA, PI</td><td>other adjustment</td><td>written off</td></tr>
 * </table>
 *
 * <p>Every line must balance to the cent (billed = paid + adjustments) and the claim's totals must equal the sum of
 * its lines; otherwise nothing is posted and {@link UnbalancedPostingException} names the difference. A rejected
 * claim (277CA) never reached adjudication: it posts nothing. A reversal (claim status 22) carries the original's
 * amounts negated, so posting it takes the original's posting back transaction by transaction.
 */
public final class RemittancePosting {
    /** CO reasons that are the contract's write-off, not a denial to work. */
    public static final Set<String> CONTRACTUAL_CARCS = Set.of("45", "42", "253", "59");

    private RemittancePosting() {}

    /** Who the claim belongs to in the practice's books. */
    public record Patient(String account, String name, String memberId) {}

    public static List<LedgerTransaction> post(ClaimResult result, Patient patient, LocalDate postedOn) {
        if (result.status() == ClaimStatus.REJECTED) {
            return List.of();
        }
        checkBalanced(result);
        boolean reversal = result.status() == ClaimStatus.REVERSED;
        String prefix = reversal ? "Reversal: " : "";
        List<LedgerTransaction> out = new ArrayList<>();
        for (LineResult l : result.lines()) {
            Builder b = new Builder(result, patient, l, postedOn);
            out.add(b.make(
                    TransactionType.CHARGE, l.billed(), "", "", "", prefix + "Charge billed to " + result.payerName()));
            if (l.paid().signum() != 0) {
                out.add(b.make(
                        TransactionType.INSURANCE_PAYMENT,
                        l.paid(),
                        "",
                        "",
                        "",
                        prefix + "Paid by " + result.payerName() + " (allowed " + cents(l.allowed()) + ")"));
            }
            for (Adjustment a : l.adjustments()) {
                if (a.amount().signum() == 0) {
                    continue;
                }
                out.add(b.make(
                        typeOf(a),
                        a.amount(),
                        a.group().name(),
                        a.carc(),
                        a.edit() == null ? "" : a.edit(),
                        a.explanation() == null ? "" : a.explanation()));
            }
        }
        return out;
    }

    /** The transaction a CAS adjustment becomes (see the table above). */
    public static TransactionType typeOf(Adjustment a) {
        GroupCode g = a.group();
        String carc = a.carc() == null ? "" : a.carc().trim();
        if (g == GroupCode.PR) {
            return switch (carc) {
                case "1" -> TransactionType.DEDUCTIBLE;
                case "2" -> TransactionType.COINSURANCE;
                case "3" -> TransactionType.COPAY;
                default -> TransactionType.PATIENT_RESPONSIBILITY;
            };
        }
        if (g == GroupCode.CO) {
            return CONTRACTUAL_CARCS.contains(carc) ? TransactionType.CONTRACTUAL_ADJUSTMENT : TransactionType.DENIAL;
        }
        return TransactionType.OTHER_ADJUSTMENT;
    }

    /** Refuses a remittance whose lines or totals do not add up to the cent. */
    public static void checkBalanced(ClaimResult result) {
        BigDecimal linesBilled = BigDecimal.ZERO;
        BigDecimal linesPaid = BigDecimal.ZERO;
        for (LineResult l : result.lines()) {
            BigDecimal adjusted =
                    l.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal difference = l.billed().subtract(l.paid()).subtract(adjusted);
            if (difference.signum() != 0) {
                throw new UnbalancedPostingException(
                        "Claim " + result.payerClaimNumber() + " line " + l.line() + " does not balance: billed "
                                + cents(l.billed()) + " ≠ paid " + cents(l.paid()) + " + adjustments "
                                + cents(adjusted),
                        difference);
            }
            linesBilled = linesBilled.add(l.billed());
            linesPaid = linesPaid.add(l.paid());
        }
        if (result.billed().compareTo(linesBilled) != 0) {
            throw new UnbalancedPostingException(
                    "Claim " + result.payerClaimNumber() + " billed " + cents(result.billed())
                            + " but its lines add up to " + cents(linesBilled),
                    result.billed().subtract(linesBilled));
        }
        if (result.paid().compareTo(linesPaid) != 0) {
            throw new UnbalancedPostingException(
                    "Claim " + result.payerClaimNumber() + " paid " + cents(result.paid()) + " but its lines add up to "
                            + cents(linesPaid),
                    result.paid().subtract(linesPaid));
        }
    }

    static String cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private record Builder(ClaimResult result, Patient patient, LineResult line, LocalDate postedOn) {
        LedgerTransaction make(
                TransactionType type, BigDecimal amount, String group, String carc, String edit, String note) {
            return new LedgerTransaction(
                    0,
                    patient.account(),
                    patient.name(),
                    result.payerId(),
                    patient.memberId(),
                    result.payerClaimNumber(),
                    line.line(),
                    line.code(),
                    line.serviceDate(),
                    postedOn,
                    type,
                    amount.setScale(2, RoundingMode.HALF_UP),
                    group,
                    carc,
                    edit,
                    "",
                    "",
                    note == null ? "" : note);
        }
    }
}
