package org.chart2claim.payer.edit;

import java.util.List;
import java.util.Optional;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.Authorization;

/**
 * Service on the payer's prior-authorization list: no number on the claim → CO-197; a number that is not on
 * file or does not cover this member, code and date → CO-15 + N54. A retro-authorization the payer granted and
 * links on reprocessing ({@code AdjudicationRequest.retroAuthorization}) counts as on file.
 */
public final class PriorAuthorizationEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        String number = ClaimText.nz(ctx.claim().priorAuthorization());
        String memberId =
                ctx.claim().insured() == null ? "" : ctx.claim().insured().memberId();
        for (LineState line : ctx.openLines()) {
            String code = line.line().code();
            if (!ctx.payer().priorAuthorizationCodes().contains(code)) {
                continue;
            }
            Authorization retro = ctx.request().retroAuthorization();
            if (retro != null && retro.covers(memberId, code, line.line().serviceDate())) {
                continue; // granted after the service and linked by the payer when it reprocessed the claim
            }
            if (number.isEmpty()) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "197",
                        List.of(),
                        name(),
                        ctx.payer().name() + " requires prior authorization for " + code
                                + " and the claim carries none.",
                        "Enter the authorization number in box 23 (REF*G1). If none was obtained, the practice cannot bill the patient for it.");
                continue;
            }
            Optional<Authorization> auth = ctx.rules().authorization(ctx.payer().id(), number);
            if (auth.isEmpty() || !auth.get().covers(memberId, code, line.line().serviceDate())) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "15",
                        List.of("N54"),
                        name(),
                        "Authorization " + number
                                + (auth.isEmpty()
                                        ? " is not on file."
                                        : " does not cover " + code + " for this member on "
                                                + line.line().serviceDate() + "."),
                        "Check the authorization letter: number, member, authorized codes and dates must match the claim.");
            }
        }
    }
}
