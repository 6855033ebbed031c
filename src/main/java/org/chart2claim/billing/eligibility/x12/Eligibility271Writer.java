package org.chart2claim.billing.eligibility.x12;

import static org.chart2claim.standard.x12.X12Writing.D8;
import static org.chart2claim.standard.x12.X12Writing.amount;
import static org.chart2claim.standard.x12.X12Writing.segment;
import static org.chart2claim.standard.x12.X12Writing.upper;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chart2claim.billing.eligibility.EligibilityAnswer;
import org.chart2claim.standard.x12.X12Envelope;
import org.chart2claim.standard.x12.X12Writing;

/**
 * Writes the payer's 271 eligibility answer (005010X279A1) with StAEDI: per inquiry the payer (HL 20), the provider
 * who asked (HL 21), the subscriber (HL 22, TRN*2 echoing the inquiry's trace, NM1*IL) and then either AAA with the
 * reject reason (not found 75, name 73, birth date 58) or the coverage: DTP*346/347 plan dates, EB*1 active or EB*6
 * inactive with the plan, EB*C deductible (calendar year 23 and remaining 29), EB*A coinsurance, EB*B copays per
 * visit, EB*G out-of-pocket, prior authorization (EB11 Y and MSG with the codes), EB*L PCP and EB*R other payer
 * (2120C NM1 P3 / PRP / SEP).
 */
public final class Eligibility271Writer {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /** An inquiry and the payer's answer to it. */
    public record Answered(Inquiry270 inquiry, EligibilityAnswer answer) {}

    public String write(String reference, List<Answered> answers, X12Envelope env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIStreamWriter w = X12Writing.newWriter(out);
        try {
            X12Writing.writeIsaGs(w, env, "HB", Eligibility270Reader.VERSION);
            int[] count = {0};
            seg(w, count, "ST", "271", "0001", Eligibility270Reader.VERSION);
            seg(
                    w,
                    count,
                    "BHT",
                    "0022",
                    "11",
                    reference == null || reference.isBlank() ? "C2C" + env.isaControl() : reference,
                    env.created().format(D8),
                    env.created().format(HHMM));
            int hl = 0;
            for (Answered a : answers) {
                int source = ++hl;
                seg(w, count, "HL", String.valueOf(source), "", "20", "1");
                EligibilityAnswer ans = a.answer();
                seg(
                        w,
                        count,
                        "NM1",
                        "PR",
                        "2",
                        upper(ans.payerName() == null ? a.inquiry().payerName() : ans.payerName()),
                        "",
                        "",
                        "",
                        "",
                        "PI",
                        a.inquiry().payerId());
                int receiver = ++hl;
                seg(w, count, "HL", String.valueOf(receiver), String.valueOf(source), "21", "1");
                seg(
                        w,
                        count,
                        "NM1",
                        "1P",
                        "2",
                        upper(a.inquiry().receiverName()),
                        "",
                        "",
                        "",
                        "",
                        a.inquiry().receiverNpi().isEmpty() ? "" : "XX",
                        a.inquiry().receiverNpi());
                int subscriber = ++hl;
                seg(w, count, "HL", String.valueOf(subscriber), String.valueOf(receiver), "22", "0");
                if (!a.inquiry().trace().isEmpty()) {
                    seg(w, count, "TRN", "2", a.inquiry().trace(), traceOriginator(a.inquiry()));
                }
                subscriber(w, count, a.inquiry(), ans);
            }
            seg(w, count, "SE", String.valueOf(count[0] + 1), "0001");
            X12Writing.writeGeIea(w, env, 1);
            w.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write 271: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String traceOriginator(Inquiry270 q) {
        return q.traceOriginator().isEmpty() ? "9CHART2CLM" : q.traceOriginator();
    }

    private static void subscriber(EDIStreamWriter w, int[] count, Inquiry270 q, EligibilityAnswer a)
            throws EDIStreamException {
        boolean matched = a.rejectCode() == null;
        String last = matched && a.lastName() != null ? a.lastName() : q.lastName();
        String first = matched && a.firstName() != null ? a.firstName() : q.firstName();
        seg(w, count, "NM1", "IL", "1", upper(last), upper(first), "", "", "", "MI", q.memberId());
        if (!matched) {
            // AAA: N = not valid, the reason, C = correct and resubmit
            seg(w, count, "AAA", "N", "", a.rejectCode(), "C");
            return;
        }
        if (a.birthDate() != null) {
            seg(w, count, "DMG", "D8", a.birthDate().format(D8));
        }
        if (a.coverageStart() != null) {
            seg(w, count, "DTP", "346", "D8", a.coverageStart().format(D8));
        }
        if (a.coverageEnd() != null) {
            seg(w, count, "DTP", "347", "D8", a.coverageEnd().format(D8));
        }
        String ins = insuranceType(a.payerId());
        String st = a.serviceType();
        seg(w, count, "EB", a.active() ? "1" : "6", "IND", st, ins, a.plan());
        if (!a.active()) {
            seg(w, count, "MSG", a.message());
            return;
        }
        EligibilityAnswer.Deductible d = a.deductible();
        seg(w, count, "EB", "C", "IND", "30", ins, "", "23", amount(d.annual()));
        seg(w, count, "EB", "C", "IND", "30", ins, "", "29", amount(d.remaining()));
        if (a.coinsurance() != null) {
            seg(
                    w,
                    count,
                    "EB",
                    "A",
                    "IND",
                    st,
                    ins,
                    "",
                    "",
                    "",
                    amount(BigDecimal.valueOf(a.coinsurance()).movePointLeft(2)));
        }
        for (var copay : a.copay().entrySet()) {
            seg(w, count, "EB", "B", "IND", copay.getKey(), ins, "", "27", amount(copay.getValue()));
        }
        if (a.outOfPocket().max() != null) {
            seg(
                    w,
                    count,
                    "EB",
                    "G",
                    "IND",
                    "30",
                    ins,
                    "",
                    "23",
                    amount(a.outOfPocket().max()));
            seg(
                    w,
                    count,
                    "EB",
                    "G",
                    "IND",
                    "30",
                    ins,
                    "",
                    "29",
                    amount(a.outOfPocket().remaining()));
        }
        if (!a.priorAuthorizationRequired().isEmpty()) {
            seg(w, count, "EB", "1", "IND", st, ins, "", "", "", "", "", "", "Y");
            seg(
                    w,
                    count,
                    "MSG",
                    cut("PRIOR AUTHORIZATION REQUIRED FOR " + String.join(" ", a.priorAuthorizationRequired())));
            for (String auth : a.authorizationsOnFile()) {
                seg(w, count, "MSG", cut("AUTHORIZATION ON FILE " + auth));
            }
        }
        if (a.pcp() != null) {
            seg(w, count, "EB", "L", "IND", "30", ins);
            seg(w, count, "LS", "2120");
            String[] name = pcpName(a.pcp());
            seg(
                    w,
                    count,
                    "NM1",
                    "P3",
                    "1",
                    upper(name[0]),
                    upper(name[1]),
                    "",
                    "",
                    "",
                    name[2].isEmpty() ? "" : "XX",
                    name[2]);
            seg(w, count, "LE", "2120");
        }
        if (a.otherCoverage() != null) {
            seg(w, count, "EB", "R", "", "30");
            seg(
                    w,
                    count,
                    "MSG",
                    cut("OTHER COVERAGE POLICY " + a.otherCoverage().policy()));
            seg(w, count, "LS", "2120");
            seg(
                    w,
                    count,
                    "NM1",
                    "primary".equalsIgnoreCase(a.otherCoverage().order()) ? "PRP" : "SEP",
                    "2",
                    upper(a.otherCoverage().payer()));
            seg(w, count, "LE", "2120");
        }
    }

    /** "Lena Okafor, MD (NPI 1502020203)" → last, first, NPI. */
    static String[] pcpName(String pcp) {
        String npi = "";
        String name = pcp;
        int open = pcp.indexOf("(NPI ");
        if (open > 0) {
            npi = pcp.substring(open + 5, pcp.indexOf(')', open)).trim();
            name = pcp.substring(0, open).trim();
        }
        int comma = name.indexOf(',');
        if (comma > 0) {
            name = name.substring(0, comma).trim();
        }
        int space = name.lastIndexOf(' ');
        return space < 0
                ? new String[] {name, "", npi}
                : new String[] {name.substring(space + 1), name.substring(0, space), npi};
    }

    /** EB04 insurance type: MB Medicare Part B, MC Medicaid, C1 commercial. */
    static String insuranceType(String payerId) {
        if (payerId == null) {
            return "";
        }
        if (payerId.startsWith("medicare")) {
            return "MB";
        }
        if (payerId.startsWith("medicaid")) {
            return "MC";
        }
        return "C1";
    }

    private static String cut(String s) {
        return s.length() > 264 ? s.substring(0, 264) : s;
    }

    private static void seg(EDIStreamWriter w, int[] count, String tag, String... elements) throws EDIStreamException {
        segment(w, tag, elements);
        count[0]++;
    }
}
