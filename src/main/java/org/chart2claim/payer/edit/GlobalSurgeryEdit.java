package org.chart2claim.payer.edit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.payer.ClaimHistory;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.PaymentIndicators;

/**
 * The global surgical package (CMS global surgery rules, periods from the code books): an E/M by the same
 * billing provider is included in a procedure's payment, CO-97 + N525, when it falls
 * <ul>
 *   <li>on the day before or the day of a major (090) procedure without modifier 57 (decision for surgery);</li>
 *   <li>on the day of a minor (000/010) procedure without modifier 25;</li>
 *   <li>in the post-operative days of a 010 or 090 procedure without 24 (unrelated visit), 25 or 79.</li>
 * </ul>
 * Procedures on this claim and on earlier processed claims of the same member and billing provider count.
 */
public final class GlobalSurgeryEdit implements ClaimEdit {

    /** A procedure with a global period, with the claim it came from. */
    private record Surgery(String code, LocalDate serviceDate, String where, int globalDays) {}

    @Override
    public void apply(AdjudicationContext ctx) {
        List<Surgery> surgeries = surgeries(ctx);
        if (surgeries.isEmpty()) {
            return;
        }
        for (LineState em : ctx.openLines()) {
            ServiceLine visit = em.line();
            if (!CodeFormat.isEvaluationAndManagement(visit.code()) || visit.serviceDate() == null) {
                continue;
            }
            for (Surgery surgery : surgeries) {
                String problem = problem(visit, surgery);
                if (problem != null) {
                    ctx.denyLine(
                            em,
                            GroupCode.CO,
                            "97",
                            List.of("N525"),
                            name(),
                            visit.code() + " (line " + em.number() + ") " + problem,
                            hint(visit, surgery));
                    break;
                }
            }
        }
    }

    private static String problem(ServiceLine visit, Surgery surgery) {
        long days = ChronoUnit.DAYS.between(surgery.serviceDate(), visit.serviceDate());
        String of = surgery.code() + " " + surgery.where() + " (" + label(surgery.globalDays()) + ")";
        if (surgery.globalDays() == 90 && (days == 0 || days == -1) && !visit.hasModifier("57")) {
            return "is on the " + (days == 0 ? "day of" : "day before") + " the major procedure " + of
                    + " without modifier 57, so it is included in the surgical package.";
        }
        if (surgery.globalDays() < 90 && days == 0 && !visit.hasModifier("25") && !visit.hasModifier("57")) {
            return "is on the day of the minor procedure " + of
                    + " without modifier 25, so the evaluation is included in the procedure.";
        }
        if (days > 0
                && days <= surgery.globalDays()
                && visit.modifiers().stream().noneMatch(m -> m.equals("24") || m.equals("25") || m.equals("79"))) {
            return "is " + days + " day(s) after " + of
                    + ", inside its post-operative period, without modifier 24, 25 or 79, so it is included as post-operative care.";
        }
        return null;
    }

    private static String hint(ServiceLine visit, Surgery surgery) {
        long days = ChronoUnit.DAYS.between(surgery.serviceDate(), visit.serviceDate());
        if (days > 0) {
            return "Post-operative visits for the surgery are part of its payment. If this visit was for an unrelated problem, add 24 (and point it to that diagnosis).";
        }
        return surgery.globalDays() == 90
                ? "If this visit is where the decision for the major surgery was made, add modifier 57 to the E/M."
                : "If the note documents a significant, separately identifiable problem beyond the usual pre-procedure evaluation, add modifier 25 to the E/M.";
    }

    private static String label(int globalDays) {
        return globalDays == 0 ? "0-day global" : globalDays + "-day global";
    }

    private static List<Surgery> surgeries(AdjudicationContext ctx) {
        PaymentIndicators indicators = ctx.rules().indicators();
        List<Surgery> out = new ArrayList<>();
        LocalDate firstVisit = null;
        LocalDate lastVisit = null;
        for (LineState l : ctx.lines()) {
            LocalDate date = l.line().serviceDate();
            add(out, indicators, l.line().code(), date, "on line " + l.number());
            if (date != null && CodeFormat.isEvaluationAndManagement(l.line().code())) {
                firstVisit = firstVisit == null || date.isBefore(firstVisit) ? date : firstVisit;
                lastVisit = lastVisit == null || date.isAfter(lastVisit) ? date : lastVisit;
            }
        }
        // earlier claims: only surgeries whose global period can reach a visit of this claim (90 days
        // before it to one day after), asked from the ledger's history index
        if (firstVisit != null) {
            for (ClaimHistory.PriorLine prior : ctx.request()
                    .history()
                    .processedLines(ctx.claim(), firstVisit.minusDays(90), lastVisit.plusDays(1))) {
                // most earlier lines are no surgery: name the claim only for those that are
                if (globalDays(indicators, prior.code(), prior.serviceDate()) >= 0) {
                    add(out, indicators, prior.code(), prior.serviceDate(), "on claim " + prior.payerClaimNumber());
                }
            }
        }
        return out;
    }

    private static void add(
            List<Surgery> out, PaymentIndicators indicators, String code, LocalDate date, String where) {
        int days = globalDays(indicators, code, date);
        if (days >= 0) {
            out.add(new Surgery(code, date, where, days));
        }
    }

    /** The code's global period in days, or -1 when it has none (or the line has no date). */
    private static int globalDays(PaymentIndicators indicators, String code, LocalDate date) {
        return indicators == null || date == null ? -1 : indicators.globalDays(code);
    }
}
