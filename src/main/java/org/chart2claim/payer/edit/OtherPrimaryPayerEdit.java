package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.payer.GroupCode;

/**
 * Coordination of benefits: the member's file names another plan that pays first (e.g. an employer plan before
 * Medicare), and the claim does not carry that plan's payment (box 29 / 2320 AMT*D with the 2430 lines): CO-22 with
 * MA04. Once the primary has paid, the claim comes back as secondary and {@link CoordinationOfBenefitsEdit} pays
 * what the primary left.
 */
public final class OtherPrimaryPayerEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        if (ctx.claim().insured() == null
                || ctx.claim().otherCoverage() != null
                        && ctx.claim().otherCoverage().priorPayment() != null) {
            return;
        }
        String memberId = ClaimText.nz(ctx.claim().insured().memberId());
        ctx.rules()
                .otherCoverage(ctx.payer().id(), memberId)
                .filter(o -> o.otherPrimary())
                .ifPresent(o -> ctx.denyClaim(
                        GroupCode.CO,
                        "22",
                        List.of("MA04"),
                        name(),
                        "Member " + memberId + " has other coverage that pays first: " + o.otherPlan() + " (policy "
                                + o.otherPolicy() + "). " + ctx.payer().name() + " pays as secondary only with the"
                                + " primary's payment information.",
                        "Bill " + o.otherPlan() + " first; then send this claim with its payment (box 9/11d and 29;"
                                + " 837P loops 2320/2430)."));
    }
}
