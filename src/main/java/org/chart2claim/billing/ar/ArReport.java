package org.chart2claim.billing.ar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A ledger's A/R and KPIs on one day, computed by {@link ArCalculator} (every formula is in its table). Rates are
 * percentages (0–100) rounded to one decimal, null when their denominator is zero.
 *
 * @param aging    open balance (payer + denial worklist + patient) per bucket, in bucket order
 * @param billed   gross charges; {@code billed = paid + adjusted + open} to the cent
 * @param paid     payer payments + patient payments − refunds
 * @param adjusted contractual and other write-offs
 * @param open     total A/R: what the payers, the denial worklist and the patients still owe
 */
public record ArReport(
        String ledger,
        LocalDate today,
        Map<String, BigDecimal> aging,
        List<AgingRow> byPayer,
        List<AgingRow> byPatient,
        BigDecimal daysInAR,
        BigDecimal firstPassRate,
        BigDecimal denialRate,
        BigDecimal netCollectionRate,
        BigDecimal averageDaysToPay,
        BigDecimal billed,
        BigDecimal paid,
        BigDecimal adjusted,
        BigDecimal open,
        BigDecimal insuranceOpen,
        BigDecimal denialOpen,
        BigDecimal patientOpen,
        Counts counts,
        List<DenialReason> deniedByCarc,
        List<DenialReason> deniedByEdit,
        List<DenialReason> topDenials,
        List<MonthRate> firstPassByMonth) {

    /** The seed's target for first-pass (clean-claim) acceptance, drawn as the benchmark line. */
    public static final BigDecimal FIRST_PASS_BENCHMARK = new BigDecimal("99");

    /** One payer's or patient's open balance by bucket; {@code total} is their sum. */
    public record AgingRow(String key, String name, Map<String, BigDecimal> buckets, BigDecimal total) {}

    /** Denied lines of one reason (CARC such as "CO-97", or a payer edit) and what they cost (denied dollars). */
    public record DenialReason(String reason, String explanation, int lines, BigDecimal amount) {}

    /** The claim counts behind the rates. */
    public record Counts(
            int originals, int cleanOriginals, int adjudicated, int deniedClaims, int paidClaims, int rejected) {}

    /** First-pass rate of the original claims received in one month ("2026-03"). */
    public record MonthRate(String month, int originals, BigDecimal rate) {}
}
