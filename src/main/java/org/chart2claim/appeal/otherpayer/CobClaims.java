package org.chart2claim.appeal.otherpayer;

import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.OtherCoverage;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.LineResult;

/**
 * The claims "bill another payer" sends, built from the claim as first sent (same patient, services, providers):
 * the claim to the other payer, and after it has paid, the secondary claim to the first payer carrying the primary's
 * payment (box 9/11d and 29; 837P 2320 AMT*D, 2430 SVD/CAS/DTP*573).
 */
public final class CobClaims {
    private CobClaims() {}

    /** Who the other plan is: the payer's id and name and the member's id and group there. */
    public record OtherPlan(String payerId, String payerName, String memberId, String groupNumber) {}

    /**
     * The claim to {@code other}: a new original claim under that plan's member id; box 11d names the first payer
     * when it stays the member's secondary plan ({@code firstStaysSecondary}), and nothing when its coverage had
     * ended.
     */
    public static Claim toOtherPayer(Claim sent, OtherPlan other, boolean firstStaysSecondary) {
        Insured was = sent.insured();
        Insured there = new Insured(
                other.memberId(),
                was.name(),
                was.birthDate(),
                was.sex(),
                was.address(),
                other.groupNumber() == null ? "" : other.groupNumber(),
                other.payerName());
        return ClaimBuilder.from(sent)
                .payer(other.payerId(), other.payerName())
                .insured(there)
                .otherCoverage(
                        firstStaysSecondary ? new OtherCoverage(was.name(), was.memberId(), sent.payerName()) : null)
                .frequency(FrequencyCode.ORIGINAL, null)
                .priorAuthorization("")
                .build();
    }

    /**
     * The secondary claim to the first payer: a replacement (frequency 7) of its denied claim {@code sentNumber},
     * carrying what the primary paid and adjusted on each line, as of {@code adjudicatedOn}.
     */
    public static Claim secondary(
            Claim sent, String sentNumber, Claim toPrimary, ClaimResult primary, LocalDate adjudicatedOn) {
        List<OtherCoverage.LinePayment> lines =
                primary.lines().stream().map(CobClaims::payment).toList();
        OtherCoverage.PriorPayment paid =
                new OtherCoverage.PriorPayment(primary.payerId(), adjudicatedOn, primary.paid(), lines);
        return ClaimBuilder.from(sent)
                .otherCoverage(new OtherCoverage(
                        toPrimary.insured().name(), toPrimary.insured().memberId(), toPrimary.payerName(), paid))
                .frequency(FrequencyCode.REPLACEMENT, sentNumber)
                .build();
    }

    private static OtherCoverage.LinePayment payment(LineResult l) {
        return new OtherCoverage.LinePayment(
                l.line(),
                l.code(),
                l.paid(),
                l.adjustments().stream()
                        .map(a -> new OtherCoverage.PriorAdjustment(a.group().name(), a.carc(), a.amount()))
                        .toList());
    }
}
