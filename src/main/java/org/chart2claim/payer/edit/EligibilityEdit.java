package org.chart2claim.payer.edit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.Member;

/**
 * Member known and covered on each date of service: CO-31 not our insured, CO-26 before coverage began,
 * CO-27 after it ended.
 */
public final class EligibilityEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        Optional<Member> member = ctx.member();
        String memberId = ctx.claim().insured() == null
                ? ""
                : ClaimText.nz(ctx.claim().insured().memberId());
        if (member.isEmpty()) {
            ctx.denyClaim(
                    GroupCode.CO,
                    "31",
                    List.of(),
                    name(),
                    "Member ID " + memberId + " is not enrolled with "
                            + ctx.payer().name() + ".",
                    "Check the insurance card or run an eligibility (270/271) check: the member ID or the payer is wrong.");
            return;
        }
        Member m = member.get();
        for (LineState line : ctx.openLines()) {
            LocalDate dos = line.line().serviceDate();
            if (dos == null || m.coveredOn(dos)) {
                continue;
            }
            if (dos.isBefore(m.coverageStart())) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "26",
                        List.of(),
                        name(),
                        "Coverage began " + m.coverageStart() + "; the service on " + dos + " happened before it.",
                        "Bill the plan that covered the patient on " + dos + ", or the patient if none did.");
            } else {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "27",
                        List.of(),
                        name(),
                        "Coverage ended " + m.coverageEnd() + "; the service on " + dos + " came after it.",
                        "Ask the patient for current coverage and bill that plan; verify eligibility before each visit.");
            }
        }
    }
}
