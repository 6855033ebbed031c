package org.chart2claim.billing.exercise;

import java.math.BigDecimal;

/**
 * THE scoring rubric of the hand-posting exercise: every number lives here, nowhere else. The trainee posts an ERA
 * by hand (per service line: the payer's payment, each CAS adjustment with its group, CARC, amount and the ledger
 * transaction it becomes, and the patient's responsibility); it is compared with what the automatic posting
 * ({@code RemittancePosting}) made of the same 835.
 *
 * <table>
 *   <caption>Points per service line of the 835</caption>
 *   <tr><th>rule</th><th>points</th><th>earned when</th></tr>
 *   <tr><td>payment</td><td>{@value #PAID_POINTS}</td><td>paid equals SVC03 to the cent</td></tr>
 *   <tr><td>each CAS adjustment: code</td><td>{@value #CODE_POINTS}</td><td>group (CAS01) and reason (CARC) both
 *       right; the right CARC under the wrong group earns {@value #WRONG_GROUP_SHARE}%; the right group and amount
 *       under another CARC earns nothing for the code</td></tr>
 *   <tr><td>each CAS adjustment: amount</td><td>{@value #AMOUNT_POINTS}</td><td>the paired entry's amount equals the
 *       CAS amount to the cent</td></tr>
 *   <tr><td>each CAS adjustment: posted as</td><td>{@value #POSTED_AS_POINTS}</td><td>the paired entry is posted as
 *       the transaction the automatic posting made (contractual write-off, denial to the worklist, deductible,
 *       coinsurance, copay, other patient responsibility, other adjustment)</td></tr>
 *   <tr><td>patient responsibility</td><td>{@value #PATIENT_RESPONSIBILITY_POINTS}</td><td>equals the sum of the
 *       line's PR adjustments to the cent</td></tr>
 *   <tr><td>the line balances</td><td>{@value #BALANCE_POINTS}</td><td>billed = the trainee's paid + the trainee's
 *       adjustments, to the cent (every 835 line balances: SVC02 = SVC03 + the CAS amounts)</td></tr>
 * </table>
 *
 * <p><b>Penalty:</b> each entry that pairs with no CAS adjustment of its line: −{@value #EXTRA_ADJUSTMENT_PENALTY}
 * (posting money that is not in the 835 is what breaks a ledger). An entry with no amount and no code is ignored.
 *
 * <p><b>Pairing</b> of the trainee's entries with a line's CAS adjustments, closest first: same group and CARC; then
 * same CARC under another group; then same group and same amount under another CARC.
 *
 * <p><b>Score</b> = round(100 × max(0, earned − penalties) ÷ available): always 0–100, and posting exactly what the
 * automatic posting posted scores 100. Money is compared to the cent ({@link #CENT}).
 */
public final class PostingRubric {
    private PostingRubric() {}

    public static final int PAID_POINTS = 3;
    public static final int CODE_POINTS = 2;
    public static final int WRONG_GROUP_SHARE = 50;
    public static final int AMOUNT_POINTS = 2;
    public static final int POSTED_AS_POINTS = 1;
    public static final int PATIENT_RESPONSIBILITY_POINTS = 2;
    public static final int BALANCE_POINTS = 1;
    public static final int EXTRA_ADJUSTMENT_PENALTY = 2;
    /** Money must match to the cent: differences of less than this are rounding of the entry, not an error. */
    public static final BigDecimal CENT = new BigDecimal("0.01");

    /** What one CAS adjustment is worth: code, amount, posted as. */
    public static final int ADJUSTMENT_POINTS = CODE_POINTS + AMOUNT_POINTS + POSTED_AS_POINTS;

    /** How a trainee's entry pairs with a CAS adjustment of the 835, best first. */
    public enum Pairing {
        EXACT("Right group and reason"),
        WRONG_GROUP("Right reason (CARC), wrong group"),
        WRONG_CARC("Right group and amount, wrong reason (CARC)"),
        MISSING("Not posted");

        private final String label;

        Pairing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The points available on a line with {@code adjustments} CAS adjustments. */
    public static int linePoints(int adjustments) {
        return PAID_POINTS + adjustments * ADJUSTMENT_POINTS + PATIENT_RESPONSIBILITY_POINTS + BALANCE_POINTS;
    }

    /** Points for the code of a CAS adjustment, by how the trainee's entry paired with it. */
    public static double codePoints(Pairing pairing) {
        return switch (pairing) {
            case EXACT -> CODE_POINTS;
            case WRONG_GROUP -> CODE_POINTS * WRONG_GROUP_SHARE / 100.0;
            case WRONG_CARC, MISSING -> 0;
        };
    }

    /** Points for an amount: equal to the cent, or nothing. */
    public static int moneyPoints(BigDecimal expected, BigDecimal entered, int points) {
        return sameMoney(expected, entered) ? points : 0;
    }

    /** Equal to the cent (a missing entry is never equal). */
    public static boolean sameMoney(BigDecimal expected, BigDecimal entered) {
        return entered != null && expected.subtract(entered).abs().compareTo(CENT) < 0;
    }

    /** The whole score from what was earned, the penalties and what was available. */
    public static int score(double earned, double penalties, double available) {
        if (available <= 0) {
            return 0;
        }
        return (int) Math.round(100.0 * Math.max(0, earned - penalties) / available);
    }
}
