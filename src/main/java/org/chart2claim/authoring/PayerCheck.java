package org.chart2claim.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;

/**
 * The simulated payer's answer to a scenario's answer key sent as a claim: {@link #clean()} when it is paid
 * without a denial, a downcode or a front-end rejection (the publishing gate), a one-line {@link #summary()} that
 * a version records, the remittance line by line as the editor shows it, and the form fields a denial points
 * back to (a code inconsistent with the patient's sex or age: {@code patient.sex}, {@code patient.dateOfBirth}).
 * Plain Java.
 */
public record PayerCheck(boolean clean, String summary, List<String> remittance, Map<String, String> fieldErrors) {

    /** Payer edits that deny a code for the patient's demographics, and the form field each points back to. */
    private static final Map<String, String> FIELD_OF_EDIT =
            Map.of("SexConflictEdit", "patient.sex", "AgeConflictEdit", "patient.dateOfBirth");

    public PayerCheck {
        remittance = List.copyOf(remittance);
        fieldErrors = Map.copyOf(fieldErrors);
    }

    public static PayerCheck of(ClaimResult result) {
        boolean clean = result.status() == ClaimStatus.PAID;
        List<String> lines = new ArrayList<>();
        result.rejections().forEach(r -> lines.add("Rejected: " + r));
        List<String> problems = new ArrayList<>();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        result.rejections().forEach(r -> problems.add("rejected: " + r));
        for (LineResult l : result.lines()) {
            StringBuilder sb = new StringBuilder("Line " + l.line() + " " + code(l));
            sb.append(": billed ").append(l.billed()).append(", paid ").append(l.paid());
            for (Adjustment a : l.adjustments()) {
                sb.append(" · ")
                        .append(a.label())
                        .append(' ')
                        .append(a.amount())
                        .append(" (")
                        .append(a.explanation())
                        .append(')');
                String field = FIELD_OF_EDIT.get(a.edit());
                if (field != null) {
                    fieldErrors.putIfAbsent(field, "The payer denies " + a.label() + ": " + a.explanation());
                }
                if (a.group() != GroupCode.PR && !"45".equals(a.carc())) {
                    problems.add("line " + l.line() + " " + code(l) + " " + a.label());
                }
            }
            lines.add(sb.toString());
        }
        String money = " · billed " + result.billed() + " · paid " + result.paid() + " · patient "
                + result.patientResponsibility();
        String summary = clean
                ? "Paid without denial" + money
                : "Not paid cleanly (" + result.status() + ")"
                        + (problems.isEmpty() ? "" : ": " + String.join(", ", problems)) + money;
        return new PayerCheck(clean, summary, lines, fieldErrors);
    }

    private static String code(LineResult l) {
        StringBuilder sb = new StringBuilder(l.code());
        l.modifiers().forEach(m -> sb.append('-').append(m));
        return sb.toString();
    }
}
