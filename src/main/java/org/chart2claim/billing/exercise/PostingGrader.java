package org.chart2claim.billing.exercise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.billing.exercise.PostingRubric.Pairing;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.RemittancePosting;
import org.chart2claim.billing.posting.TransactionType;
import org.chart2claim.payer.ClaimResult;

/**
 * Scores a hand posting of an ERA against the automatic posting of the same 835 ({@link RemittancePosting}), line by
 * line and transaction by transaction, with the numbers of {@link PostingRubric} and an explanation for each
 * difference that points at the 835 element the trainee should have read.
 */
public final class PostingGrader {
    private PostingGrader() {}

    /** One service line as the automatic posting posted it. */
    record Posted(int line, String code, BigDecimal billed, BigDecimal paid, List<LedgerTransaction> adjustments) {
        BigDecimal patientResponsibility() {
            return adjustments.stream()
                    .filter(t -> t.type().patientShare())
                    .map(LedgerTransaction::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The automatic posting of {@code era}, by service line. */
    static List<Posted> automatic(ClaimResult era) {
        Map<Integer, Posted> lines = new LinkedHashMap<>();
        for (LedgerTransaction t :
                RemittancePosting.post(era, new RemittancePosting.Patient("", "", ""), LocalDate.EPOCH)) {
            Posted p = lines.computeIfAbsent(
                    t.line(), n -> new Posted(n, t.code(), BigDecimal.ZERO, BigDecimal.ZERO, new ArrayList<>()));
            switch (t.type()) {
                case CHARGE ->
                    lines.put(
                            t.line(),
                            new Posted(p.line(), p.code(), p.billed().add(t.amount()), p.paid(), p.adjustments()));
                case INSURANCE_PAYMENT ->
                    lines.put(
                            t.line(),
                            new Posted(p.line(), p.code(), p.billed(), p.paid().add(t.amount()), p.adjustments()));
                default -> p.adjustments().add(t);
            }
        }
        return List.copyOf(lines.values());
    }

    public static PostingGrade grade(ClaimResult era, HandPosting hand) {
        Map<Integer, HandPosting.Line> entered = new LinkedHashMap<>();
        for (HandPosting.Line l : hand.lines()) {
            entered.putIfAbsent(l.line(), l);
        }
        List<PostingGrade.Check> checks = new ArrayList<>();
        for (Posted p : automatic(era)) {
            HandPosting.Line yours =
                    entered.getOrDefault(p.line(), new HandPosting.Line(p.line(), null, List.of(), null));
            gradeLine(p, yours, checks);
        }
        double earned = checks.stream().mapToDouble(PostingGrade.Check::earned).sum();
        double penalties =
                checks.stream().mapToDouble(PostingGrade.Check::penalty).sum();
        int available = checks.stream().mapToInt(PostingGrade.Check::available).sum();
        return new PostingGrade(
                PostingRubric.score(earned, penalties, available), earned, penalties, available, checks);
    }

    private static void gradeLine(Posted p, HandPosting.Line yours, List<PostingGrade.Check> checks) {
        int n = p.line();
        String where = "line " + n + " (" + p.code() + ")";
        int paid = PostingRubric.moneyPoints(p.paid(), yours.paid(), PostingRubric.PAID_POINTS);
        checks.add(new PostingGrade.Check(
                n,
                "Paid",
                money(p.paid()),
                money(yours.paid()),
                paid,
                PostingRubric.PAID_POINTS,
                0,
                paid > 0
                        ? ""
                        : "The payer paid " + money(p.paid()) + " on " + where + ": read SVC03, the third element of"
                                + " the line's SVC segment (CLP04 is the whole claim's payment, not the line's)."));

        List<HandPosting.Entry> unused = new ArrayList<>(yours.adjustments());
        for (LedgerTransaction cas : p.adjustments()) {
            HandPosting.Entry e = null;
            Pairing pairing = Pairing.MISSING;
            for (Pairing wanted : List.of(Pairing.EXACT, Pairing.WRONG_GROUP, Pairing.WRONG_CARC)) {
                e = unused.stream()
                        .filter(x -> pairs(cas, x, wanted))
                        .findFirst()
                        .orElse(null);
                if (e != null) {
                    pairing = wanted;
                    unused.remove(e);
                    break;
                }
            }
            gradeAdjustment(where, n, cas, e, pairing, checks);
        }
        for (HandPosting.Entry extra : unused) {
            checks.add(new PostingGrade.Check(
                    n,
                    "Extra " + extra.label(),
                    "",
                    extra.label() + " " + money(extra.amount()),
                    0,
                    0,
                    PostingRubric.EXTRA_ADJUSTMENT_PENALTY,
                    "The 835 has no " + extra.label() + (extra.amount() == null ? "" : " of " + money(extra.amount()))
                            + " on " + where + ": post only the CAS adjustments of the line's own CAS segments"
                            + " (a CAS segment after CLP belongs to the claim, after SVC to that line)."));
        }

        BigDecimal pr = p.patientResponsibility();
        int prPoints = PostingRubric.moneyPoints(
                pr, yours.patientResponsibility(), PostingRubric.PATIENT_RESPONSIBILITY_POINTS);
        checks.add(new PostingGrade.Check(
                n,
                "Patient responsibility",
                money(pr),
                money(yours.patientResponsibility()),
                prPoints,
                PostingRubric.PATIENT_RESPONSIBILITY_POINTS,
                0,
                prPoints > 0
                        ? ""
                        : "The patient owes " + money(pr) + " on " + where + ": the sum of its group PR adjustments"
                                + prParts(p) + ". CO amounts are never the patient's (balance billing)."));

        BigDecimal yourAdjusted = yours.adjustments().stream()
                .map(e -> e.amount() == null ? BigDecimal.ZERO : e.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal yourTotal = (yours.paid() == null ? BigDecimal.ZERO : yours.paid()).add(yourAdjusted);
        boolean balanced = PostingRubric.sameMoney(p.billed(), yourTotal);
        checks.add(new PostingGrade.Check(
                n,
                "Balance",
                "billed " + money(p.billed()),
                "paid + adjustments " + money(yourTotal),
                balanced ? PostingRubric.BALANCE_POINTS : 0,
                PostingRubric.BALANCE_POINTS,
                0,
                balanced
                        ? ""
                        : "Your " + where + " does not balance: billed " + money(p.billed()) + " ≠ paid + adjustments "
                                + money(yourTotal) + " (difference "
                                + money(p.billed().subtract(yourTotal))
                                + "). Every 835 line balances: SVC02 = SVC03 + its CAS amounts; a real posting"
                                + " batch would be refused."));
    }

    private static boolean pairs(LedgerTransaction cas, HandPosting.Entry e, Pairing wanted) {
        return switch (wanted) {
            case EXACT -> cas.group().equals(e.group()) && cas.carc().equals(e.carc());
            case WRONG_GROUP -> cas.carc().equals(e.carc());
            case WRONG_CARC -> cas.group().equals(e.group()) && PostingRubric.sameMoney(cas.amount(), e.amount());
            case MISSING -> false;
        };
    }

    private static void gradeAdjustment(
            String where,
            int n,
            LedgerTransaction cas,
            HandPosting.Entry e,
            Pairing pairing,
            List<PostingGrade.Check> checks) {
        String label = cas.label();
        String casText = "CAS*" + cas.group() + "*" + cas.carc() + "*" + money(cas.amount());
        if (pairing == Pairing.MISSING) {
            checks.add(new PostingGrade.Check(
                    n,
                    label,
                    label + " " + money(cas.amount()) + " as " + cas.type().label(),
                    "",
                    0,
                    PostingRubric.ADJUSTMENT_POINTS,
                    0,
                    casText + " on " + where + " was not posted. " + label + " " + meaning(cas.type())
                            + explanationOf(cas)));
            return;
        }
        double code = PostingRubric.codePoints(pairing);
        checks.add(new PostingGrade.Check(
                n,
                label + " code",
                label,
                e.label(),
                code,
                PostingRubric.CODE_POINTS,
                0,
                switch (pairing) {
                    case EXACT -> "";
                    case WRONG_GROUP ->
                        "You posted " + e.label() + "; the 835 says " + label + " (" + casText + "). CAS01 is the"
                                + " group: CO the practice's contractual obligation, PR the patient's responsibility,"
                                + " OA other, PI the payer's initiative. The group decides who, if anyone, owes it.";
                    default ->
                        "You posted the amount as " + e.label() + "; the 835's reason is " + label + " (" + casText
                                + "): CAS02 is the CARC. " + label + " " + meaning(cas.type());
                }));
        int amount = PostingRubric.moneyPoints(cas.amount(), e.amount(), PostingRubric.AMOUNT_POINTS);
        checks.add(new PostingGrade.Check(
                n,
                label + " amount",
                money(cas.amount()),
                money(e.amount()),
                amount,
                PostingRubric.AMOUNT_POINTS,
                0,
                amount > 0
                        ? ""
                        : "The CAS amount of " + label + " on " + where + " is " + money(cas.amount())
                                + " (CAS03, the element after the reason code); you posted " + money(e.amount())
                                + "."));
        boolean rightType = cas.type() == e.postedAs();
        checks.add(new PostingGrade.Check(
                n,
                label + " posted as",
                cas.type().label(),
                e.postedAs() == null ? "" : e.postedAs().label(),
                rightType ? PostingRubric.POSTED_AS_POINTS : 0,
                PostingRubric.POSTED_AS_POINTS,
                0,
                rightType
                        ? ""
                        : label + " is posted as " + cas.type().label() + ", not "
                                + (e.postedAs() == null
                                        ? "nothing"
                                        : e.postedAs().label()) + ": " + label + " "
                                + meaning(cas.type())));
    }

    /** What posting a transaction type does, in the words a trainer would use. */
    public static String meaning(TransactionType type) {
        return switch (type) {
            case CONTRACTUAL_ADJUSTMENT ->
                "is the contractual write-off: the part of the charge above what the contract allows; written off,"
                        + " never billed to the patient.";
            case DENIAL ->
                "is a denial (group CO, not a contractual reason): it goes to the denial worklist to correct, appeal"
                        + " or write off, never to the patient.";
            case DEDUCTIBLE -> "is the deductible (PR-1): it moves to the patient's account.";
            case COINSURANCE -> "is coinsurance (PR-2): it moves to the patient's account.";
            case COPAY -> "is the copay (PR-3): it moves to the patient's account.";
            case PATIENT_RESPONSIBILITY -> "is patient responsibility (group PR): it moves to the patient's account.";
            case OTHER_ADJUSTMENT ->
                "is an other or payer-initiated adjustment (OA/PI): written off, nobody is billed for it.";
            default -> "is posted as " + type.label() + ".";
        };
    }

    private static String explanationOf(LedgerTransaction cas) {
        return cas.note().isBlank() ? "" : " The payer's reason: " + cas.note();
    }

    private static String prParts(Posted p) {
        List<String> parts = p.adjustments().stream()
                .filter(t -> t.type().patientShare())
                .map(t -> t.label() + " " + money(t.amount()))
                .toList();
        return parts.isEmpty() ? " (there are none on this line)" : " (" + String.join(" + ", parts) + ")";
    }

    static String money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
