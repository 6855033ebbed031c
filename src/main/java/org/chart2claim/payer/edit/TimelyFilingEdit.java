package org.chart2claim.payer.edit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.chart2claim.payer.GroupCode;

/** Claim received later than the plan's filing limit after the date of service: CO-29. */
public final class TimelyFilingEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        LocalDate received = ctx.request().receivedOn();
        int limit = ctx.payer().timelyFilingDays();
        for (LineState line : ctx.openLines()) {
            LocalDate dos = line.line().serviceDate();
            if (dos == null || received == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(dos, received);
            if (days > limit) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "29",
                        List.of(),
                        name(),
                        "Received " + days + " days after the service on " + dos + "; "
                                + ctx.payer().name() + " accepts claims for " + limit + " days.",
                        "Submit claims promptly. Only proof of timely submission (e.g. an earlier acceptance report) can overturn this.");
            }
        }
    }
}
