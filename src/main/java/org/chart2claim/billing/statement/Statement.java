package org.chart2claim.billing.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chart2claim.billing.ar.AgingBucket;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.TransactionType;

/**
 * A patient statement's content, computed from the account's posted transactions up to the statement date: each
 * service with its date, code and description, charge, insurance paid, adjustments, and the patient's share; the
 * patient's payments and refunds; the balance due, aged by date of service; and the dunning message of the cycle.
 *
 * <p>Balance-billing guard: only group PR amounts (deductible, coinsurance, copay, other PR) are ever the patient's.
 * CO amounts (contractual write-offs and denials) show as adjustments or as "with your insurance", never in the
 * balance due; {@link #billToPatient} refuses to move one there and says why.
 */
public record Statement(
        Party practice,
        Party patient,
        String account,
        LocalDate date,
        int cycle,
        List<Service> services,
        List<Payment> payments,
        BigDecimal balanceDue,
        Map<String, BigDecimal> aging,
        BigDecimal pendingWithInsurance,
        String message) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** Name, address lines and phone as printed. */
    public record Party(String name, List<String> address, String phone) {}

    /**
     * One service line: {@code adjustments} are the contractual and other write-offs plus denials (CO, never the
     * patient's), {@code patientShare} the PR amounts.
     */
    public record Service(
            LocalDate date,
            String code,
            String description,
            String claimNumber,
            BigDecimal charge,
            BigDecimal insurancePaid,
            BigDecimal adjustments,
            BigDecimal patientShare) {}

    public record Payment(LocalDate date, String what, BigDecimal amount) {}

    /** How to pay, printed on every statement. */
    public static final String HOW_TO_PAY = "How to pay: by check payable to the practice (write your account number on"
            + " it) to the address above, by card at the front desk or by phone, or in cash at the front desk."
            + " Questions about this bill: call the billing office at the number above.";

    /** The cycle's message: a first statement, then 30, 60 and 90+ days past due (final notice). */
    public static String dunning(int cycle) {
        return switch (cycle) {
            case 0, 1 ->
                "Your insurance has processed these services. The balance below is your share under your plan.";
            case 2 -> "Reminder: this balance is 30 days past due. Please pay it or call us to set up a payment plan.";
            case 3 -> "Second reminder: this balance is 60 days past due. Please call the billing office this week.";
            default ->
                "Final notice: this balance is 90 days or more past due. Unless it is paid or a payment plan"
                        + " is agreed within 14 days, the account may be referred to a collection agency.";
        };
    }

    /**
     * The statement of {@code account} on {@code date}: transactions posted after the date are left out.
     *
     * @param describe short description of a code in our own words ("" when unknown)
     */
    public static Statement of(
            String account,
            List<LedgerTransaction> ledger,
            LocalDate date,
            int cycle,
            Party practice,
            Party patient,
            Function<String, String> describe) {
        Map<String, Service> services = new LinkedHashMap<>();
        List<Payment> payments = new ArrayList<>();
        BigDecimal paymentsNet = BigDecimal.ZERO;
        BigDecimal pending = BigDecimal.ZERO;
        for (LedgerTransaction t : ledger) {
            if (!t.account().equals(account) || t.postedOn().isAfter(date)) {
                continue;
            }
            if (t.claimNumber().isBlank()) {
                BigDecimal signed =
                        t.type() == TransactionType.REFUND ? t.amount().negate() : t.amount();
                payments.add(new Payment(
                        t.postedOn(),
                        (t.type() == TransactionType.REFUND ? "Refund to you" : "Your payment")
                                + (t.method().isBlank()
                                        ? ""
                                        : " (" + t.method() + (t.reference().isBlank() ? "" : " " + t.reference())
                                                + ")"),
                        signed));
                paymentsNet = paymentsNet.add(signed);
                continue;
            }
            String key = t.claimNumber() + "#" + t.line();
            Service s = services.computeIfAbsent(
                    key,
                    k -> new Service(
                            t.serviceDate(),
                            t.code(),
                            describe.apply(t.code()),
                            t.claimNumber(),
                            ZERO,
                            ZERO,
                            ZERO,
                            ZERO));
            BigDecimal a = t.amount();
            s = switch (t.type()) {
                case CHARGE -> with(s, a, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
                case INSURANCE_PAYMENT -> with(s, BigDecimal.ZERO, a, BigDecimal.ZERO, BigDecimal.ZERO);
                case CONTRACTUAL_ADJUSTMENT, OTHER_ADJUSTMENT, DENIAL ->
                    with(s, BigDecimal.ZERO, BigDecimal.ZERO, a, BigDecimal.ZERO);
                default -> t.type().patientShare() ? with(s, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, a) : s;
            };
            pending = pending.add(t.insuranceEffect());
            services.put(key, s);
        }
        List<Service> shown = services.values().stream()
                .filter(s -> s.charge().signum() != 0
                        || s.patientShare().signum() != 0
                        || s.insurancePaid().signum() != 0)
                .sorted(Comparator.comparing(Service::date, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        // the patient's payments pay their oldest services first; the rest is aged by date of service
        Map<String, BigDecimal> aging = new LinkedHashMap<>();
        for (AgingBucket b : AgingBucket.values()) {
            aging.put(b.label(), BigDecimal.ZERO.setScale(2));
        }
        BigDecimal available = paymentsNet;
        BigDecimal due = BigDecimal.ZERO;
        for (Service s : shown) {
            BigDecimal open = s.patientShare();
            BigDecimal applied = available.max(BigDecimal.ZERO).min(open.max(BigDecimal.ZERO));
            open = open.subtract(applied);
            available = available.subtract(applied);
            if (open.signum() != 0) {
                LocalDate from = s.date() == null ? date : s.date();
                aging.merge(AgingBucket.of(ChronoUnit.DAYS.between(from, date)).label(), open, BigDecimal::add);
            }
            due = due.add(open);
        }
        if (available.signum() != 0) {
            aging.merge(AgingBucket.DAYS_0_30.label(), available.negate(), BigDecimal::add);
            due = due.subtract(available);
        }
        aging.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_UP));
        return new Statement(
                practice,
                patient,
                account,
                date,
                cycle,
                shown,
                payments,
                due.setScale(2, RoundingMode.HALF_UP),
                aging,
                pending.setScale(2, RoundingMode.HALF_UP),
                due.signum() < 0
                        ? "You have a credit of " + due.negate().setScale(2, RoundingMode.HALF_UP)
                                + " with us. Call the billing office for a refund."
                        : dunning(cycle));
    }

    private static Service with(Service s, BigDecimal charge, BigDecimal paid, BigDecimal adjusted, BigDecimal share) {
        return new Service(
                s.date(),
                s.code(),
                s.description(),
                s.claimNumber(),
                s.charge().add(charge),
                s.insurancePaid().add(paid),
                s.adjustments().add(adjusted),
                s.patientShare().add(share));
    }

    /** Refused: a CO amount billed to the patient. */
    public static final class BalanceBillingRefused extends RuntimeException {
        public BalanceBillingRefused(String message) {
            super(message);
        }
    }

    /**
     * The balance-billing guard: moving an open amount of the payer side to the patient. Only PR amounts are the
     * patient's; a CO amount (contractual write-off or denial) is the practice's under its contract with the payer.
     */
    public static void billToPatient(LedgerTransaction t) {
        if ("PR".equals(t.group())) {
            return;
        }
        if ("CO".equals(t.group())) {
            throw new BalanceBillingRefused(
                    t.label() + " on " + t.code() + " is a contractual obligation (group CO): "
                            + "the practice's contract with " + (t.payerId().isBlank() ? "the payer" : t.payerId())
                            + " forbids billing the patient for it (balance billing). Correct and resubmit the claim,"
                            + " appeal it, or write it off. Only PR amounts (deductible, coinsurance, copay) go on a statement.");
        }
        throw new BalanceBillingRefused((t.label().isBlank() ? t.type().label() : t.label())
                + " is not patient responsibility: only PR amounts go on a statement.");
    }
}
