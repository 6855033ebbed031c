package org.chart2claim.payer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.ServiceLine;

/**
 * What a claim must fit before the payer stores it: the X12 element lengths of the 837P/835 it is written
 * into and the columns of the payer's ledger. A claim over a limit is refused up front with the reason, so
 * nothing is stored that cannot be answered (a retry is then no duplicate). Content errors inside these
 * limits (a bad code, a zero charge) stay front-end rejections of the {@link FrontEndValidator}.
 */
public final class ClaimSizeLimits {

    /** X12 837P: loop 2400 repeats at most 50 times; HI carries 12 diagnoses; SV101 has four modifier slots. */
    public static final int MAX_LINES = Claim.MAX_LINES;

    public static final int MAX_DIAGNOSES = Claim.MAX_DIAGNOSES;
    public static final int MAX_MODIFIERS = 4;

    /** The ledger stores amounts as NUMERIC(12,2): a line and the claim total stay below these. */
    public static final BigDecimal MAX_LINE_CHARGE = new BigDecimal("99999999.99");

    public static final BigDecimal MAX_TOTAL_CHARGE = new BigDecimal("9999999999.99");
    public static final int MAX_UNITS = 99_999;

    private ClaimSizeLimits() {}

    /** Every limit the claim passes over, empty when it fits. */
    public static List<String> problems(Claim claim) {
        List<String> out = new ArrayList<>();
        if (claim == null) {
            out.add("The claim is empty.");
            return out;
        }
        length(out, "patient control number (CLM01)", claim.patientControlNumber(), 38);
        length(out, "payer id", claim.payerId(), 40);
        length(out, "payer name (NM103)", claim.payerName(), 60);
        length(out, "prior authorization (REF02)", claim.priorAuthorization(), 50);
        length(out, "original claim number (REF02)", claim.originalClaimNumber(), 50);
        if (claim.insured() != null) {
            length(out, "member id (NM109)", claim.insured().memberId(), 80);
            name(out, "insured", claim.insured().name());
        }
        if (claim.patient() != null) {
            name(out, "patient", claim.patient().name());
        }
        if (claim.billing() != null) {
            length(out, "billing provider name (NM103)", claim.billing().name(), 60);
            length(out, "billing NPI (NM109)", claim.billing().npi(), 80);
            length(out, "billing tax id (REF02)", claim.billing().taxId(), 50);
        }
        if (claim.diagnoses().size() > MAX_DIAGNOSES) {
            out.add("The claim has " + claim.diagnoses().size() + " diagnoses; at most " + MAX_DIAGNOSES + " fit.");
        } else {
            claim.diagnoses().forEach(d -> length(out, "diagnosis code (HI)", d, 30));
        }
        if (claim.lines().size() > MAX_LINES) {
            out.add("The claim has " + claim.lines().size() + " service lines; at most " + MAX_LINES + " fit.");
            return out;
        }
        for (int i = 0; i < claim.lines().size(); i++) {
            line(out, i + 1, claim.lines().get(i));
        }
        if (out.isEmpty() && claim.totalCharge().compareTo(MAX_TOTAL_CHARGE) > 0) {
            out.add("The total charge " + claim.totalCharge().toPlainString() + " is over " + MAX_TOTAL_CHARGE + ".");
        }
        return out;
    }

    private static void line(List<String> out, int number, ServiceLine line) {
        String where = "line " + number + " ";
        length(out, where + "code (SV101-2)", line.code(), 48);
        if (line.modifiers().size() > MAX_MODIFIERS) {
            out.add("Line " + number + " has " + line.modifiers().size() + " modifiers; at most " + MAX_MODIFIERS
                    + " fit.");
        } else {
            line.modifiers().forEach(m -> length(out, where + "modifier (SV101)", m, 2));
        }
        if (line.pointers().size() > MAX_MODIFIERS) {
            out.add("Line " + number + " has " + line.pointers().size() + " diagnosis pointers; at most 4 fit.");
        }
        length(out, where + "place of service", line.placeOfService(), 2);
        length(out, where + "rendering NPI", line.renderingNpi(), 80);
        if (line.charge().abs().compareTo(MAX_LINE_CHARGE) > 0) {
            out.add("Line " + number + " charge " + line.charge().toPlainString() + " is over " + MAX_LINE_CHARGE
                    + ".");
        }
        if (Math.abs((long) line.units()) > MAX_UNITS) {
            out.add("Line " + number + " units " + line.units() + " are over " + MAX_UNITS + ".");
        }
    }

    private static void name(List<String> out, String who, PersonName name) {
        if (name != null) {
            length(out, who + " last name (NM103)", name.last(), 60);
            length(out, who + " first name (NM104)", name.first(), 35);
            length(out, who + " middle name (NM105)", name.middle(), 25);
        }
    }

    private static void length(List<String> out, String field, String value, int max) {
        if (value != null && value.length() > max) {
            out.add("The " + field + " has " + value.length() + " characters; at most " + max + " fit.");
        }
    }
}
