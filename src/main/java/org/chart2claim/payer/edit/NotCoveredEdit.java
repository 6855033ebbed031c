package org.chart2claim.payer.edit;

import java.util.Optional;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.NotCoveredRule;

/**
 * Service the plan excludes: CO-96/CO-204, or PR when the line carries the modifier showing the patient was
 * told and agreed to pay (GY statutory exclusion, GA waiver on file).
 */
public final class NotCoveredEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            Optional<NotCoveredRule> rule =
                    ctx.payer().notCoveredRuleFor(line.line().code());
            if (rule.isEmpty()) {
                continue;
            }
            NotCoveredRule r = rule.get();
            boolean patientLiable = line.line().modifiers().stream().anyMatch(r.patientLiableModifiers()::contains);
            if (patientLiable) {
                ctx.denyLine(
                        line,
                        GroupCode.PR,
                        r.carc(),
                        r.rarc(),
                        name(),
                        "Not covered: " + r.reason()
                                + " The modifier on the line shows the patient was informed, so the patient owes it.",
                        null);
            } else {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        r.carc(),
                        r.rarc(),
                        name(),
                        "Not covered: " + r.reason(),
                        r.patientLiableModifiers().isEmpty()
                                ? "Bill the covered alternative the explanation names, if the service fits it."
                                : "If the patient was told in advance and agreed to pay, add "
                                        + String.join(" or ", r.patientLiableModifiers())
                                        + " so the patient, not the practice, is responsible.");
            }
        }
    }
}
