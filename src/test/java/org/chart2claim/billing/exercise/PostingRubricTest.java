package org.chart2claim.billing.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.billing.exercise.HandPosting.Entry;
import org.chart2claim.billing.posting.TransactionType;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link PostingRubric}, through {@link PostingGrader} on a hand-computed ERA. */
class PostingRubricTest {
    static final LocalDate DOS = LocalDate.of(2026, 3, 14);

    /**
     * Line 1: 99214 billed 200.00, allowed 130.00, paid 80.00; CO-45 70.00, PR-1 30.00, PR-2 20.00.
     * Line 2: 36415 billed 20.00, paid 0; CO-97 20.00 (bundled: a denial).
     */
    static ClaimResult era() {
        List<LineResult> lines = List.of(
                new LineResult(
                        1,
                        "99214",
                        List.of(),
                        1,
                        DOS,
                        new BigDecimal("200.00"),
                        new BigDecimal("130.00"),
                        new BigDecimal("80.00"),
                        List.of(
                                adj(GroupCode.CO, "45", "70.00"),
                                adj(GroupCode.PR, "1", "30.00"),
                                adj(GroupCode.PR, "2", "20.00"))),
                new LineResult(
                        2,
                        "36415",
                        List.of(),
                        1,
                        DOS,
                        new BigDecimal("20.00"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        List.of(adj(GroupCode.CO, "97", "20.00"))));
        return new ClaimResult(
                "PCN1",
                "SIM00000042",
                "ppo-sim",
                "Blue Horizon PPO",
                "W1",
                "Ellison",
                "Marjorie",
                "1401010107",
                "Maple Grove",
                "471234501",
                ClaimStatus.PARTIAL,
                new BigDecimal("220.00"),
                new BigDecimal("80.00"),
                new BigDecimal("50.00"),
                List.of(),
                lines);
    }

    static Adjustment adj(GroupCode g, String carc, String amount) {
        return new Adjustment(g, carc, List.of(), new BigDecimal(amount), "Edit", "the payer's why", null);
    }

    static Entry e(String group, String carc, String amount, TransactionType as) {
        return new Entry(group, carc, amount == null ? null : new BigDecimal(amount), as);
    }

    /** What the automatic posting posted, entered by hand. */
    static List<HandPosting.Line> right() {
        return new ArrayList<>(List.of(
                new HandPosting.Line(
                        1,
                        new BigDecimal("80.00"),
                        List.of(
                                e("CO", "45", "70.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                                e("PR", "1", "30.00", TransactionType.DEDUCTIBLE),
                                e("PR", "2", "20.00", TransactionType.COINSURANCE)),
                        new BigDecimal("50.00")),
                new HandPosting.Line(
                        2, BigDecimal.ZERO, List.of(e("CO", "97", "20.00", TransactionType.DENIAL)), BigDecimal.ZERO)));
    }

    static List<HandPosting.Line> withLine1(BigDecimal paid, List<Entry> adjustments, BigDecimal pr) {
        List<HandPosting.Line> lines = right();
        lines.set(0, new HandPosting.Line(1, paid, adjustments, pr));
        return lines;
    }

    /** Line 1 posted with paid 80.00 and patient responsibility 50.00 and these adjustments; line 2 right. */
    static PostingGrade line1(Entry... adjustments) {
        return grade(withLine1(new BigDecimal("80.00"), List.of(adjustments), new BigDecimal("50.00")));
    }

    static PostingGrade grade(List<HandPosting.Line> lines) {
        return PostingGrader.grade(era(), new HandPosting(lines));
    }

    static final int AVAILABLE = PostingRubric.linePoints(3) + PostingRubric.linePoints(1);

    @Test
    void theAutomaticPostingEnteredByHandScores100WithNoDifference() {
        PostingGrade g = grade(right());
        assertThat(g.available()).isEqualTo(AVAILABLE).isEqualTo(2 * 3 + 4 * 5 + 2 * 2 + 2 * 1);
        assertThat(g.earned()).isEqualTo(AVAILABLE);
        assertThat(g.score()).isEqualTo(100);
        assertThat(g.differences()).isEmpty();
    }

    @Test
    void paidMustBeSvc03ToTheCent() {
        PostingGrade g =
                grade(withLine1(new BigDecimal("130.00"), right().get(0).adjustments(), new BigDecimal("50.00")));
        PostingGrade.Check paid = only(g, 1, "Paid");
        assertThat(paid.earned()).isZero();
        assertThat(paid.available()).isEqualTo(PostingRubric.PAID_POINTS);
        assertThat(paid.explanation()).contains("80.00").contains("SVC03");
        // the allowed amount posted as paid also unbalances the line
        assertThat(only(g, 1, "Balance").earned()).isZero();
        assertThat(g.earned()).isEqualTo(AVAILABLE - PostingRubric.PAID_POINTS - PostingRubric.BALANCE_POINTS);
    }

    @Test
    void theRightReasonUnderTheWrongGroupEarnsTheWrongGroupShareOfTheCodePoints() {
        PostingGrade g = line1(
                e("PR", "45", "70.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                e("PR", "1", "30.00", TransactionType.DEDUCTIBLE),
                e("PR", "2", "20.00", TransactionType.COINSURANCE));
        PostingGrade.Check code = only(g, 1, "CO-45 code");
        assertThat(code.earned()).isEqualTo(PostingRubric.CODE_POINTS * PostingRubric.WRONG_GROUP_SHARE / 100.0);
        assertThat(code.explanation()).contains("PR-45").contains("CAS01").contains("contractual obligation");
        assertThat(only(g, 1, "CO-45 amount").earned()).isEqualTo(PostingRubric.AMOUNT_POINTS);
        assertThat(g.differences()).containsExactly(code);
    }

    @Test
    void theRightGroupAndAmountUnderAnotherReasonEarnNothingForTheCode() {
        PostingGrade g = line1(
                e("CO", "42", "70.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                e("PR", "1", "30.00", TransactionType.DEDUCTIBLE),
                e("PR", "2", "20.00", TransactionType.COINSURANCE));
        PostingGrade.Check code = only(g, 1, "CO-45 code");
        assertThat(code.earned()).isZero();
        assertThat(code.explanation()).contains("CO-42").contains("CAS02").contains("contractual write-off");
        assertThat(only(g, 1, "CO-45 amount").earned()).isEqualTo(PostingRubric.AMOUNT_POINTS);
        assertThat(only(g, 1, "CO-45 posted as").earned()).isEqualTo(PostingRubric.POSTED_AS_POINTS);
        assertThat(g.penalties()).isZero();
    }

    @Test
    void anAdjustmentAmountMustBeTheCasAmountToTheCent() {
        PostingGrade g = line1(
                e("CO", "45", "60.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                e("PR", "1", "30.00", TransactionType.DEDUCTIBLE),
                e("PR", "2", "20.00", TransactionType.COINSURANCE));
        PostingGrade.Check amount = only(g, 1, "CO-45 amount");
        assertThat(amount.earned()).isZero();
        assertThat(amount.available()).isEqualTo(PostingRubric.AMOUNT_POINTS);
        assertThat(amount.explanation()).contains("70.00").contains("CAS03").contains("60.00");
        assertThat(g.earned()).isEqualTo(AVAILABLE - PostingRubric.AMOUNT_POINTS - PostingRubric.BALANCE_POINTS);
    }

    @Test
    void aDenialPostedAsAContractualWriteOffLosesThePostedAsPoint() {
        List<HandPosting.Line> lines = right();
        lines.set(
                1,
                new HandPosting.Line(
                        2,
                        BigDecimal.ZERO,
                        List.of(e("CO", "97", "20.00", TransactionType.CONTRACTUAL_ADJUSTMENT)),
                        BigDecimal.ZERO));
        PostingGrade g = grade(lines);
        PostingGrade.Check as = only(g, 2, "CO-97 posted as");
        assertThat(as.earned()).isZero();
        assertThat(as.available()).isEqualTo(PostingRubric.POSTED_AS_POINTS);
        assertThat(as.explanation()).contains("Denial").contains("denial worklist");
        assertThat(g.differences()).containsExactly(as);
    }

    @Test
    void patientResponsibilityIsTheSumOfTheLinesPrAdjustments() {
        PostingGrade g =
                grade(withLine1(new BigDecimal("80.00"), right().get(0).adjustments(), new BigDecimal("120.00")));
        PostingGrade.Check pr = only(g, 1, "Patient responsibility");
        assertThat(pr.earned()).isZero();
        assertThat(pr.available()).isEqualTo(PostingRubric.PATIENT_RESPONSIBILITY_POINTS);
        assertThat(pr.explanation())
                .contains("50.00")
                .contains("PR-1 30.00 + PR-2 20.00")
                .contains("balance billing");
        assertThat(g.differences()).containsExactly(pr);
    }

    @Test
    void aLineThatDoesNotBalanceLosesTheBalancePoint() {
        // paid and every adjustment right, one extra cent nowhere: only an unbalanced total can catch a missing row
        PostingGrade g = line1(
                e("CO", "45", "70.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                e("PR", "1", "30.00", TransactionType.DEDUCTIBLE));
        PostingGrade.Check balance = only(g, 1, "Balance");
        assertThat(balance.earned()).isZero();
        assertThat(balance.available()).isEqualTo(PostingRubric.BALANCE_POINTS);
        assertThat(balance.explanation()).contains("200.00").contains("180.00").contains("difference 20.00");
    }

    @Test
    void aMissingAdjustmentLosesAllItsPointsAndSaysWhatItIs() {
        PostingGrade g = line1(
                e("CO", "45", "70.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                e("PR", "1", "30.00", TransactionType.DEDUCTIBLE));
        PostingGrade.Check missing = only(g, 1, "PR-2");
        assertThat(missing.earned()).isZero();
        assertThat(missing.available()).isEqualTo(PostingRubric.ADJUSTMENT_POINTS);
        assertThat(missing.explanation())
                .contains("CAS*PR*2*20.00")
                .contains("coinsurance")
                .contains("the payer's why");
        assertThat(g.earned()).isEqualTo(AVAILABLE - PostingRubric.ADJUSTMENT_POINTS - PostingRubric.BALANCE_POINTS);
    }

    @Test
    void anEntryThatIsNotInThe835CostsThePenalty() {
        List<HandPosting.Line> lines = right();
        lines.set(
                1,
                new HandPosting.Line(
                        2,
                        BigDecimal.ZERO,
                        List.of(
                                e("CO", "97", "20.00", TransactionType.DENIAL),
                                e("PR", "3", "15.00", TransactionType.COPAY)),
                        BigDecimal.ZERO));
        PostingGrade g = grade(lines);
        PostingGrade.Check extra = only(g, 2, "Extra PR-3");
        assertThat(extra.penalty()).isEqualTo(PostingRubric.EXTRA_ADJUSTMENT_PENALTY);
        assertThat(extra.explanation()).contains("no PR-3 of 15.00");
        assertThat(g.penalties()).isEqualTo(PostingRubric.EXTRA_ADJUSTMENT_PENALTY);
        // the extra 15.00 also unbalances line 2
        assertThat(g.score())
                .isEqualTo(PostingRubric.score(
                        AVAILABLE - PostingRubric.BALANCE_POINTS, PostingRubric.EXTRA_ADJUSTMENT_PENALTY, AVAILABLE));
    }

    @Test
    void moneyIsComparedToTheCent() {
        assertThat(PostingRubric.sameMoney(new BigDecimal("80.00"), new BigDecimal("80")))
                .isTrue();
        assertThat(PostingRubric.sameMoney(new BigDecimal("80.00"), new BigDecimal("80.004")))
                .isTrue();
        assertThat(PostingRubric.sameMoney(new BigDecimal("80.00"), new BigDecimal("80.01")))
                .isFalse();
        assertThat(PostingRubric.sameMoney(new BigDecimal("80.00"), null)).isFalse();
        assertThat(PostingRubric.moneyPoints(new BigDecimal("1.00"), new BigDecimal("1.00"), 7))
                .isEqualTo(7);
    }

    @Test
    void theScoreIsEarnedLessPenaltiesOverAvailableRoundedAndNeverBelowZero() {
        assertThat(PostingRubric.score(15, 0, 30)).isEqualTo(50);
        assertThat(PostingRubric.score(20, 2, 27)).isEqualTo(67);
        assertThat(PostingRubric.score(1, 5, 30)).isZero();
        assertThat(PostingRubric.score(0, 0, 0)).isZero();
        // nothing entered: only the zero amounts of the denied line are right (paid 0.00 is not "nothing")
        PostingGrade empty = PostingGrader.grade(era(), new HandPosting(List.of()));
        assertThat(empty.earned()).isZero();
        assertThat(empty.score()).isZero();
        assertThat(empty.differences()).hasSize(empty.checks().size());
    }

    @Test
    void entriesPairClosestFirstSoAWrongGroupDoesNotStealAnExactMatch() {
        // PR-45 listed before CO-45: CO-45 still pairs with CO-45 and PR-45 is extra
        PostingGrade g = line1(
                e("PR", "45", "70.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                e("CO", "45", "70.00", TransactionType.CONTRACTUAL_ADJUSTMENT),
                e("PR", "1", "30.00", TransactionType.DEDUCTIBLE),
                e("PR", "2", "20.00", TransactionType.COINSURANCE));
        assertThat(only(g, 1, "CO-45 code").earned()).isEqualTo(PostingRubric.CODE_POINTS);
        assertThat(only(g, 1, "Extra PR-45").penalty()).isEqualTo(PostingRubric.EXTRA_ADJUSTMENT_PENALTY);
    }

    static PostingGrade.Check only(PostingGrade g, int line, String what) {
        return g.checks().stream()
                .filter(c -> c.line() == line && c.what().equals(what))
                .reduce((a, b) -> {
                    throw new AssertionError("two checks " + what);
                })
                .orElseThrow(() -> new AssertionError("no check '" + what + "' on line " + line + ": " + g.checks()));
    }
}
