package org.chart2claim.billing.posting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A practice ledger's posted transactions and what follows from them: each patient account's balances (what the
 * payer still owes, what the patient owes, what sits on the denial worklist), and the checks a manual posting
 * must pass before anything is stored. Plain Java over the transaction list.
 */
public final class PracticeLedger {
    public static final Set<String> METHODS = Set.of("cash", "check", "card");

    private final List<LedgerTransaction> transactions;
    private final Map<String, AccountBalance> accounts = new LinkedHashMap<>();

    /** One patient account: name and its three open balances; a negative patient balance is a credit. */
    public record AccountBalance(
            String account,
            String patient,
            BigDecimal insurance,
            BigDecimal patientBalance,
            BigDecimal denial,
            LocalDate firstRemittance) {
        AccountBalance plus(LedgerTransaction t) {
            LocalDate first = firstRemittance;
            if (!t.claimNumber().isBlank() && (first == null || t.postedOn().isBefore(first))) {
                first = t.postedOn();
            }
            return new AccountBalance(
                    account,
                    patient.isBlank() ? t.patient() : patient,
                    insurance.add(t.insuranceEffect()),
                    patientBalance.add(t.patientEffect()),
                    denial.add(t.denialEffect()),
                    first);
        }
    }

    public PracticeLedger(List<LedgerTransaction> transactions) {
        this.transactions = List.copyOf(transactions);
        for (LedgerTransaction t : transactions) {
            accounts.merge(
                    t.account(),
                    new AccountBalance(t.account(), "", zero(), zero(), zero(), null).plus(t),
                    (old, ignored) -> old.plus(t));
        }
    }

    public List<LedgerTransaction> transactions() {
        return transactions;
    }

    public List<AccountBalance> accounts() {
        return List.copyOf(accounts.values());
    }

    public java.util.Optional<AccountBalance> account(String account) {
        return java.util.Optional.ofNullable(accounts.get(account));
    }

    /**
     * Checks a deposit batch and turns it into transactions: every entry must be well formed, no payment may exceed
     * what its patient owes (several payments of one account add up), no refund what the practice holds for them,
     * no date may lie before the account's first remittance or after {@code today}, and the entries must add up to
     * {@code batchTotal} (when given) to the cent. Throws {@link PostingRefused} with every problem, or
     * {@link UnbalancedPostingException} for a batch that does not add up; nothing is posted either way.
     */
    public List<LedgerTransaction> manualPostings(List<PaymentEntry> entries, BigDecimal batchTotal, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (entries.isEmpty()) {
            problems.add("The batch holds no payment.");
        }
        Map<String, BigDecimal> owed = new HashMap<>();
        accounts.values().forEach(a -> owed.put(a.account(), a.patientBalance()));
        List<LedgerTransaction> out = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < entries.size(); i++) {
            PaymentEntry e = entries.get(i);
            String where = entries.size() == 1 ? "" : "Payment " + (i + 1) + ": ";
            int before = problems.size();
            AccountBalance account =
                    e.account() == null ? null : accounts.get(e.account().trim());
            if (account == null) {
                problems.add(where + "there is no account '" + e.account() + "' in this ledger.");
            }
            if (e.amount() == null || e.amount().signum() <= 0) {
                problems.add(where + "the amount must be more than 0.");
            } else if (e.amount().stripTrailingZeros().scale() > 2) {
                problems.add(where + "the amount " + e.amount().toPlainString() + " has fractions of a cent.");
            }
            String method = e.method() == null ? "" : e.method().trim().toLowerCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                problems.add(where + "the method must be cash, check or card.");
            } else if (method.equals("check")
                    && (e.reference() == null || e.reference().isBlank())) {
                problems.add(where + "a check needs its number as the reference.");
            }
            if (e.reference() != null && e.reference().length() > 60) {
                problems.add(where + "the reference is longer than 60 characters.");
            }
            LocalDate date = e.date() == null ? today : e.date();
            if (date.isAfter(today)) {
                problems.add(where + "the date " + date + " is after the practice's today (" + today + ").");
            }
            if (account != null && account.firstRemittance() != null && date.isBefore(account.firstRemittance())) {
                problems.add(where + "the date " + date + " is before the account's first remittance ("
                        + account.firstRemittance() + "): nothing was owed yet.");
            }
            if (problems.size() > before || account == null) {
                continue;
            }
            BigDecimal amount = e.amount().setScale(2, RoundingMode.HALF_UP);
            BigDecimal open = owed.get(account.account());
            if (e.refund()) {
                BigDecimal credit = open.negate();
                if (amount.compareTo(credit) > 0) {
                    problems.add(where + "a refund of " + cents(amount) + " is more than the credit of "
                            + cents(credit.max(BigDecimal.ZERO)) + " the practice holds for " + account.patient()
                            + ".");
                    continue;
                }
                owed.put(account.account(), open.add(amount));
            } else {
                if (amount.compareTo(open) > 0) {
                    problems.add(where + "the payment of " + cents(amount) + " is more than the open balance of "
                            + cents(open.max(BigDecimal.ZERO)) + " of " + account.patient()
                            + " (post the surplus as a credit only through a refund).");
                    continue;
                }
                owed.put(account.account(), open.subtract(amount));
            }
            sum = sum.add(amount);
            out.add(new LedgerTransaction(
                    0,
                    account.account(),
                    account.patient(),
                    "",
                    "",
                    "",
                    0,
                    "",
                    date,
                    date,
                    e.refund() ? TransactionType.REFUND : TransactionType.PATIENT_PAYMENT,
                    amount,
                    "",
                    "",
                    "",
                    method,
                    e.reference() == null ? "" : e.reference().trim(),
                    e.refund() ? "Refund of a credit balance" : "Patient payment by " + method));
        }
        if (!problems.isEmpty()) {
            throw new PostingRefused(problems);
        }
        if (batchTotal != null && batchTotal.compareTo(sum) != 0) {
            throw new UnbalancedPostingException(
                    "The batch total is " + cents(batchTotal) + " but its payments add up to " + cents(sum),
                    batchTotal.subtract(sum));
        }
        return out;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    static String cents(BigDecimal v) {
        return RemittancePosting.cents(v);
    }

    /** A manual posting that breaks a rule: every problem, nothing posted. */
    public static final class PostingRefused extends RuntimeException {
        private final List<String> problems;

        public PostingRefused(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
