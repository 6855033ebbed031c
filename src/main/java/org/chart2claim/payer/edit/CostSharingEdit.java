package org.chart2claim.payer.edit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.CostSharing;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.data.PayerType;

/**
 * Patient responsibility on the allowed amount: copay (PR-3) once per claim on copay codes; otherwise the
 * remaining annual deductible (PR-1) first, then coinsurance (PR-2) on what is left. The deductible still
 * open is the plan's minus what the member had met, minus PR-1 on earlier claims in this ledger that year.
 * Medicare waives the deductible on a line with modifier PT (a screening colonoscopy that became
 * diagnostic or therapeutic); coinsurance still applies (the statutory phase-down is not modelled).
 */
public final class CostSharingEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        CostSharing cs = ctx.payer().costSharing();
        Member member = ctx.member().orElse(null);
        if (member == null) {
            return;
        }
        BigDecimal deductibleLeft = remainingDeductible(ctx, cs, member);
        boolean copayTaken = false;
        for (LineState line : ctx.openLines()) {
            String code = line.line().code();
            BigDecimal allowed = line.allowed();
            if (allowed.signum() <= 0 || cs.noCostSharingCodes().contains(code)) {
                continue;
            }
            boolean copayExempt = cs.copayExemptUnderAge() > 0
                    && ctx.patientAgeOn(line.line().serviceDate()) >= 0
                    && ctx.patientAgeOn(line.line().serviceDate()) < cs.copayExemptUnderAge();
            if (cs.copayCodes().contains(code)) {
                if (!copayTaken && !copayExempt && cs.copay().signum() > 0) {
                    BigDecimal copay = cs.copay().min(allowed);
                    ctx.adjust(
                            line,
                            GroupCode.PR,
                            "3",
                            List.of(),
                            copay,
                            name(),
                            "Copay of " + copay.toPlainString() + " for the visit under the member's plan.",
                            null);
                    copayTaken = true;
                }
                continue;
            }
            BigDecimal rest = allowed;
            boolean deductibleWaived =
                    ctx.payer().type() == PayerType.MEDICARE && line.line().hasModifier("PT");
            if (deductibleLeft.signum() > 0 && !deductibleWaived) {
                BigDecimal deductible = deductibleLeft.min(rest);
                ctx.adjust(
                        line,
                        GroupCode.PR,
                        "1",
                        List.of(),
                        deductible,
                        name(),
                        "Applied to the annual deductible (" + deductibleLeft.toPlainString()
                                + " still open before this line).",
                        null);
                deductibleLeft = deductibleLeft.subtract(deductible);
                rest = rest.subtract(deductible);
            }
            if (cs.coinsurancePercent() > 0 && rest.signum() > 0) {
                BigDecimal coinsurance = rest.multiply(BigDecimal.valueOf(cs.coinsurancePercent()))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                ctx.adjust(
                        line,
                        GroupCode.PR,
                        "2",
                        List.of(),
                        coinsurance,
                        name(),
                        "Coinsurance: the member pays " + cs.coinsurancePercent()
                                + "% of the allowed amount after the deductible.",
                        null);
            }
        }
    }

    private static BigDecimal remainingDeductible(AdjudicationContext ctx, CostSharing cs, Member member) {
        Claim claim = ctx.claim();
        int year =
                claim.firstServiceDate() == null ? 0 : claim.firstServiceDate().getYear();
        BigDecimal used =
                member.deductibleMet().add(ctx.request().history().deductibleApplied(member.memberId(), year));
        return cs.annualDeductible().subtract(used).max(BigDecimal.ZERO);
    }
}
