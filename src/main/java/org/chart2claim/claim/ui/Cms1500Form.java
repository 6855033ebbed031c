package org.chart2claim.claim.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimScrubber;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.ServiceLine;

/** A printable CMS-1500 (02/12) layout: each box as a labelled cell, box 24 as a six-line table. */
public final class Cms1500Form {
    private static final DateTimeFormatter MMDDYY = DateTimeFormatter.ofPattern("MM dd yy");

    private Cms1500Form() {}

    public static Component render(Claim c) {
        Div form = new Div();
        form.addClassName("cms1500");
        form.add(
                box("1", "Program", c.payerId()),
                box("1a", "Insured's ID", c.insured().memberId()),
                box("2", "Patient's name", name(c.patient().name())),
                box(
                        "3",
                        "Birth date / sex",
                        (c.patient().birthDate() == null
                                        ? ""
                                        : c.patient().birthDate().format(MMDDYY)) + "  "
                                + c.patient().sex()),
                box("4", "Insured's name", name(c.insured().name())),
                box(
                        "5",
                        "Patient's address",
                        c.patient().address().line1() + ", "
                                + c.patient().address().city() + " "
                                + c.patient().address().state() + " "
                                + c.patient().address().zip()),
                box("6", "Relationship", c.relationship().name()),
                box(
                        "9a/11d",
                        "Other coverage",
                        c.otherCoverage() == null
                                ? "NO"
                                : "YES " + c.otherCoverage().policyNumber()
                                        + (ClaimText.isBlank(c.otherCoverage().planName())
                                                ? ""
                                                : " (" + c.otherCoverage().planName() + ")")),
                box(
                        "10a–c",
                        "Condition related to",
                        (c.accident().employment() ? "EMPLOYMENT " : "")
                                + (c.accident().autoAccident()
                                        ? "AUTO (" + c.accident().autoAccidentState() + ") "
                                        : "")
                                + (c.accident().otherAccident() ? "OTHER" : "")),
                box("11c", "Plan", c.payerName()),
                box(
                        "17/17b",
                        "Referring provider",
                        c.referring().present()
                                ? "DN " + name(c.referring().name()) + "  NPI "
                                        + c.referring().npi()
                                : ""),
                box("21", "Diagnoses (ICD ind. 0)", diagnoses(c)),
                box("22", "Resubmission", c.frequency().code() + " " + ClaimText.nz(c.originalClaimNumber())),
                box("23", "Prior authorization", c.priorAuthorization()));
        Div table = new Div();
        table.addClassName("cms1500-lines");
        table.add(row(
                true,
                "24A Date",
                "24B POS",
                "24D CPT/HCPCS",
                "Modifiers",
                "24E Ptr",
                "24F Charges",
                "24G Units",
                "24J NPI"));
        for (ServiceLine l : c.lines()) {
            table.add(row(
                    false,
                    l.from() == null ? "" : l.from().format(MMDDYY),
                    c.placeOfServiceFor(l),
                    l.code(),
                    String.join(" ", l.modifiers()),
                    String.join(
                            "",
                            l.pointers().stream()
                                    .map(ClaimScrubber::pointerLetter)
                                    .toList()),
                    l.charge().toPlainString(),
                    String.valueOf(l.units()),
                    c.renderingNpiFor(l)));
        }
        form.add(table);
        form.add(
                box("25", "Federal tax ID (EIN)", c.billing().taxId()),
                box("26", "Patient account no.", c.patientControlNumber()),
                box("27", "Accept assignment", c.acceptAssignment() ? "YES" : "NO"),
                box("28", "Total charge", c.totalCharge().toPlainString()),
                box(
                        "29",
                        "Amount paid (other payer)",
                        c.otherCoverage() == null || c.otherCoverage().priorPayment() == null
                                ? ""
                                : c.otherCoverage().priorPayment().paid().toPlainString()),
                box(
                        "33",
                        "Billing provider",
                        c.billing().name() + ", " + c.billing().address().line1() + ", "
                                + c.billing().address().city() + " "
                                + c.billing().address().state() + " "
                                + c.billing().address().zip()),
                box("33a", "Billing NPI", c.billing().npi()));
        return form;
    }

    private static String name(PersonName n) {
        return n == null ? "" : n.display().toUpperCase();
    }

    private static String diagnoses(Claim c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.diagnoses().size(); i++) {
            sb.append((char) ('A' + i))
                    .append(". ")
                    .append(c.diagnoses().get(i))
                    .append("   ");
        }
        return sb.toString().trim();
    }

    private static Div box(String number, String label, String value) {
        Div box = new Div();
        box.addClassName("cms1500-box");
        Span n = new Span(number + " " + label);
        n.addClassName("cms1500-label");
        Span v = new Span(ClaimText.nz(value));
        v.addClassName("cms1500-value");
        box.add(n, v);
        return box;
    }

    private static Div row(boolean header, String... cells) {
        Div row = new Div();
        row.addClassName(header ? "cms1500-head" : "cms1500-row");
        for (String cell : cells) {
            row.add(new Span(ClaimText.nz(cell)));
        }
        return row;
    }
}
