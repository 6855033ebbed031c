package org.chart2claim.payer.edit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.chart2claim.payer.GroupCode;

/**
 * Prices every open line from the payer's fee schedule: allowed = fee × units (× 1.5 for bilateral 50, × 0.4
 * for professional 26, × 0.6 for technical TC), capped at the charge. Billed above allowed is written off
 * as CO-45. A pending documentation downcode reprices to the supported code and the difference is CO-150.
 * A code with no fee on file is not payable (CO-96).
 */
public final class FeeScheduleEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        String payerId = ctx.payer().id();
        for (LineState line : ctx.openLines()) {
            Optional<BigDecimal> fee = ctx.rules().allowed(payerId, line.line().code());
            if (fee.isEmpty()) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "96",
                        List.of("N130"),
                        name(),
                        ctx.payer().name() + " has no fee schedule amount for "
                                + line.line().code() + ", so it is not a payable service.",
                        "Check that the code is right for the service; unlisted or non-payable services need the payer's instructions.");
                continue;
            }
            BigDecimal billed = line.line().charge();
            BigDecimal scheduled = price(fee.get(), line);
            BigDecimal allowed = scheduled.min(billed);
            ctx.adjust(
                    line,
                    GroupCode.CO,
                    "45",
                    List.of(),
                    billed.subtract(allowed),
                    name(),
                    "Charge " + billed.toPlainString() + " exceeds the fee schedule amount " + allowed.toPlainString()
                            + "; the difference is a contractual write-off.",
                    null);
            LineState.Reduction reduction = line.reduction();
            if (reduction != null) {
                BigDecimal supportedFee = ctx.rules()
                        .allowed(payerId, reduction.supportedCode())
                        .map(f -> price(f, line))
                        .orElse(BigDecimal.ZERO);
                BigDecimal reduced = supportedFee.min(allowed);
                ctx.adjust(
                        line,
                        GroupCode.CO,
                        reduction.carc(),
                        reduction.rarc(),
                        allowed.subtract(reduced),
                        reduction.edit(),
                        reduction.explanation(),
                        reduction.hint());
                allowed = reduced;
            }
            ctx.setAllowed(line, allowed);
        }
    }

    static BigDecimal price(BigDecimal fee, LineState line) {
        BigDecimal amount =
                fee.multiply(BigDecimal.valueOf(Math.max(1, line.line().units())));
        if (line.line().hasModifier("50")) {
            amount = amount.multiply(new BigDecimal("1.5"));
        }
        if (line.line().hasModifier("26")) {
            amount = amount.multiply(new BigDecimal("0.4"));
        }
        if (line.line().hasModifier("TC")) {
            amount = amount.multiply(new BigDecimal("0.6"));
        }
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
