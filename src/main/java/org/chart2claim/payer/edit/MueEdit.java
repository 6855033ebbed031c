package org.chart2claim.payer.edit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.MueLimit;

/**
 * Medically unlikely edits: units above the MUE value on one line (MAI 1), or summed over the date of service
 * (MAI 2 absolute, 3 clinical). The exceeding line(s) are denied CO-151 + N362.
 */
public final class MueEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            Optional<MueLimit> limit = ctx.rules().mue(line.line().code());
            if (limit.isEmpty()) {
                continue;
            }
            MueLimit mue = limit.get();
            int units = mue.perLine()
                    ? line.line().units()
                    : unitsOnDate(ctx, line.line().code(), line.line().serviceDate());
            if (units <= mue.value()) {
                continue;
            }
            String scope = mue.perLine() ? "on one line" : "on one date of service";
            ctx.denyLine(
                    line,
                    GroupCode.CO,
                    "151",
                    List.of("N362"),
                    name(),
                    units + " units of " + line.line().code() + " " + scope + " exceed the medically unlikely edit of "
                            + mue.value() + " (MAI " + mue.adjudicationIndicator() + ", " + mue.rationale() + ").",
                    mue.perLine()
                            ? "Check the units against the code's unit of measure; if more were truly done on separate sites, bill them on separate lines with anatomic modifiers."
                            : "Bill the units actually supported by the note; more than " + mue.value()
                                    + " on one day needs an appeal with records.");
        }
    }

    private static int unitsOnDate(AdjudicationContext ctx, String code, LocalDate date) {
        return ctx.openLines().stream()
                .filter(l ->
                        l.line().code().equals(code) && Objects.equals(l.line().serviceDate(), date))
                .mapToInt(l -> l.line().units())
                .sum();
    }
}
