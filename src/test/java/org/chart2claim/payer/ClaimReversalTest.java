package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.TODAY;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Sex;
import org.junit.jupiter.api.Test;

/** The arithmetic of a reversal: every amount negated, and the deductible it used open again for the replacement. */
public class ClaimReversalTest {
    /**
     * Walter Lindgren has 183 of the Medicare deductible open; a 99214 (allowed 130) uses 130 of it. (George Whitfield
     * has the same deductible met, but his employer plan pays first: Medicare answers his claims CO-22.)
     */
    public static Claim lindgren() {
        return medicareVisit()
                .insured(new Insured(
                        "5CK9HW2MT18",
                        PersonName.of("Lindgren", "Walter"),
                        LocalDate.of(1951, 3, 9),
                        Sex.M,
                        Address.empty(),
                        "",
                        ""))
                .lines(List.of())
                .line(DOS, "99214", List.of(), 1, List.of(1), new BigDecimal("300"))
                .build();
    }

    public static ClaimResult adjudicate(Claim claim, String number, List<PriorClaim> history) {
        return PayerFixtures.adjudicator()
                .adjudicate(new AdjudicationRequest(claim, List.of(), DOS.plusDays(10), history, null, number), TODAY);
    }

    static BigDecimal deductible(ClaimResult r) {
        return r.lines().stream()
                .flatMap(l -> l.adjustments().stream())
                .filter(a -> a.label().equals("PR-1"))
                .map(Adjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void reversalNegatesEveryAmountAndKeepsTheOriginalClaimNumber() {
        ClaimResult original = adjudicate(lindgren(), "SIM00000001", List.of());
        assertThat(original.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(deductible(original)).isEqualByComparingTo("130.00");

        ClaimResult reversal = ClaimReversal.of(original);

        assertThat(reversal.status()).isEqualTo(ClaimStatus.REVERSED);
        assertThat(reversal.payerClaimNumber()).isEqualTo("SIM00000001");
        assertThat(reversal.billed()).isEqualByComparingTo("-300");
        assertThat(reversal.paid()).isEqualByComparingTo(original.paid().negate());
        assertThat(reversal.patientResponsibility())
                .isEqualByComparingTo(original.patientResponsibility().negate())
                .isNegative();
        assertThat(deductible(reversal)).isEqualByComparingTo("-130.00");
        for (LineResult line : reversal.lines()) {
            BigDecimal adjusted =
                    line.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(line.billed()).isEqualByComparingTo(line.paid().add(adjusted));
        }
    }

    @Test
    void theReplacementFindsTheDeductibleTheOriginalUsedRestored() {
        Claim first = lindgren();
        ClaimResult original = adjudicate(first, "SIM00000001", List.of());
        Claim replacement = ClaimBuilder.from(first)
                .frequency(FrequencyCode.REPLACEMENT, "SIM00000001")
                .build();

        // without the reversal the original's 130 stays used: only 53 of the deductible is left
        ClaimResult unreversed = adjudicate(replacement, "SIM00000002", List.of(new PriorClaim(first, original)));
        assertThat(deductible(unreversed)).isEqualByComparingTo("53.00");

        List<PriorClaim> history =
                List.of(new PriorClaim(first, original), new PriorClaim(first, ClaimReversal.of(original)));
        ClaimResult replaced = adjudicate(replacement, "SIM00000002", history);
        assertThat(deductible(replaced)).isEqualByComparingTo("130.00");
        assertThat(replaced.paid()).isEqualByComparingTo(original.paid());
    }

    @Test
    void aReversedClaimNoLongerStandsForDuplicateAndGlobalPeriodEdits() {
        Claim first = lindgren();
        ClaimResult original = adjudicate(first, "SIM00000001", List.of());
        List<PriorClaim> history =
                List.of(new PriorClaim(first, original), new PriorClaim(first, ClaimReversal.of(original)));

        // the same service sent again as a new original after a void is not a duplicate (CO-18)
        ClaimResult again = adjudicate(first, "SIM00000003", history);
        assertThat(again.lines().getFirst().adjustments())
                .noneMatch(a -> a.carc().equals("18"));
        ClaimHistory standing = new AdjudicationRequest(first, List.of(), DOS, history, null, "X").history();
        assertThat(standing.earliestSameService(first, first.lines().getFirst()))
                .isEmpty();
        assertThat(standing.processedLines(first, DOS.minusDays(90), DOS.plusDays(1)))
                .isEmpty();
        // without the reversal the original still stands in both lookups
        ClaimHistory unreversed = ClaimHistory.of(List.of(new PriorClaim(first, original)));
        assertThat(unreversed.earliestSameService(first, first.lines().getFirst()))
                .isPresent();
        assertThat(unreversed.processedLines(first, DOS.minusDays(90), DOS.plusDays(1)))
                .isNotEmpty();
    }

    @Test
    void rejectedAndReversedClaimsCannotBeReversed() {
        ClaimResult original = adjudicate(lindgren(), "SIM00000001", List.of());
        ClaimResult reversal = ClaimReversal.of(original);
        assertThat(ClaimReversal.reversible(reversal)).isFalse();
        assertThatThrownBy(() -> ClaimReversal.of(reversal)).isInstanceOf(IllegalArgumentException.class);
    }
}
