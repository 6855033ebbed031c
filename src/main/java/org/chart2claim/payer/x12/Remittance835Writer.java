package org.chart2claim.payer.x12;

import static org.chart2claim.standard.x12.X12Writing.D8;
import static org.chart2claim.standard.x12.X12Writing.amount;
import static org.chart2claim.standard.x12.X12Writing.composite;
import static org.chart2claim.standard.x12.X12Writing.element;
import static org.chart2claim.standard.x12.X12Writing.segment;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;
import org.chart2claim.standard.x12.X12Envelope;
import org.chart2claim.standard.x12.X12Writing;

/**
 * Writes adjudicated claims as X12 835 (005010X221A1) with StAEDI: one transaction per payer and payee
 * (billing NPI), a CLP per claim and an SVC per line with its CAS adjustments, allowed amount (AMT*B6) and
 * remark codes (LQ*HE). Balanced by construction: per line billed = paid + CAS; per claim CLP03 = CLP04 +
 * CAS; BPR02 = sum of CLP04 (minus a PLB forwarding balance when reversals leave it negative). A reversal is a
 * CLP with status 22 and every amount negative. Rejected claims are not remitted (they were answered at the
 * front end).
 */
public final class Remittance835Writer {
    public static final String VERSION = "005010X221A1";

    public String write(List<ClaimResult> results, X12Envelope envelope, LocalDate paymentDate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(results, envelope, paymentDate, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    public void write(List<ClaimResult> results, X12Envelope env, LocalDate paymentDate, OutputStream out) {
        try (Streaming s = open(env, paymentDate, out)) {
            s.append(results);
        }
    }

    /** Opens an 835 interchange to which batches of results are appended, so big runs need bounded memory. */
    public Streaming open(X12Envelope env, LocalDate paymentDate, OutputStream out) {
        return new Streaming(env, paymentDate, out);
    }

    /** An open 835 interchange: each {@link #append} adds one transaction per payer and payee; close writes GE/IEA. */
    public static final class Streaming implements AutoCloseable {
        private final X12Envelope env;
        private final LocalDate paymentDate;
        private final EDIStreamWriter w;
        private int st;

        Streaming(X12Envelope env, LocalDate paymentDate, OutputStream out) {
            this.env = env;
            this.paymentDate = paymentDate;
            this.w = X12Writing.newWriter(out);
            try {
                X12Writing.writeIsaGs(w, env, "HP", VERSION);
            } catch (EDIStreamException e) {
                throw new IllegalStateException("could not write 835: " + e.getMessage(), e);
            }
        }

        public void append(List<ClaimResult> results) {
            Map<String, List<ClaimResult>> byPayee = new LinkedHashMap<>();
            for (ClaimResult r : results) {
                if (r.status() == ClaimStatus.REJECTED) {
                    continue;
                }
                byPayee.computeIfAbsent(payee(r), k -> new ArrayList<>()).add(r);
            }
            for (List<ClaimResult> group : byPayee.values()) {
                appendPayee(group, group.stream().map(ClaimResult::paid).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }

        /**
         * Adds one transaction: the claims of one payer and payee ({@link #payee}, none rejected), which {@code
         * claims} may read one at a time (it is iterated twice: for the header's payer and payee, then for the
         * claims), and their {@code total} paid (BPR02).
         */
        public void appendPayee(Iterable<ClaimResult> claims, BigDecimal total) {
            try {
                transaction(w, claims, total, ++st, env, paymentDate);
            } catch (EDIStreamException e) {
                throw new IllegalStateException("could not write 835: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                X12Writing.writeGeIea(w, env, st);
                w.close();
            } catch (EDIStreamException e) {
                throw new IllegalStateException("could not write 835: " + e.getMessage(), e);
            }
        }
    }

    /** The payer and payee (billing NPI) whose claims share one 835 transaction. */
    public static String payee(ClaimResult result) {
        return result.payerId() + "|" + result.billingNpi();
    }

    private static void transaction(
            EDIStreamWriter w,
            Iterable<ClaimResult> claims,
            BigDecimal total,
            int number,
            X12Envelope env,
            LocalDate paymentDate)
            throws EDIStreamException {
        int[] count = {0};
        String control = String.format("%04d", number);
        ClaimResult first = claims.iterator().next();
        String date = paymentDate.format(D8);
        String trace = env.controlNumber() + String.format("%05d", number);
        seg(w, count, "ST", "835", control, VERSION);
        if (total.signum() > 0) {
            seg(
                    w,
                    count,
                    "BPR",
                    "I",
                    amount(total),
                    "C",
                    "ACH",
                    "CCP",
                    "01",
                    "999999999",
                    "DA",
                    "123456",
                    "1512345678",
                    "",
                    "01",
                    "888888888",
                    "DA",
                    "654321",
                    date);
        } else {
            seg(w, count, "BPR", "H", "0", "C", "NON", "", "", "", "", "", "", "", "", "", "", "", date);
        }
        seg(w, count, "TRN", "1", trace, "1512345678");
        seg(w, count, "DTM", "405", date);
        seg(w, count, "N1", "PR", X12Writing.upper(first.payerName()));
        seg(w, count, "N3", "1 SIMULATION WAY");
        seg(w, count, "N4", "SPRINGFIELD", "IL", "62701");
        seg(w, count, "PER", "BL", "PROVIDER SERVICES", "TE", "5550100199");
        seg(w, count, "N1", "PE", X12Writing.upper(first.billingName()), "XX", first.billingNpi());
        if (!ClaimText.isBlank(first.billingTaxId())) {
            seg(w, count, "REF", "TJ", first.billingTaxId());
        }
        seg(w, count, "LX", "1");
        for (ClaimResult c : claims) {
            claim(w, count, c);
        }
        if (total.signum() < 0) {
            // reversals took back more than this remittance pays: BPR02 is 0 and the negative balance is carried
            // forward (PLB FB), so BPR02 = sum of CLP04 - sum of PLB amounts still holds
            w.writeStartSegment("PLB");
            element(w, first.billingNpi());
            element(w, paymentDate.withMonth(12).withDayOfMonth(31).format(D8));
            composite(w, "FB", trace);
            element(w, amount(total));
            w.writeEndSegment();
            count[0]++;
        }
        seg(w, count, "SE", String.valueOf(count[0] + 1), control);
    }

    private static void claim(EDIStreamWriter w, int[] count, ClaimResult c) throws EDIStreamException {
        seg(
                w,
                count,
                "CLP",
                c.patientControlNumber(),
                claimStatusCode(c.status()),
                amount(c.billed()),
                amount(c.paid()),
                amount(c.patientResponsibility()),
                filingIndicator(c.payerId()),
                c.payerClaimNumber());
        seg(
                w,
                count,
                "NM1",
                "QC",
                "1",
                X12Writing.upper(c.patientLastName()),
                X12Writing.upper(c.patientFirstName()),
                "",
                "",
                "",
                "MI",
                c.memberId());
        for (LineResult line : c.lines()) {
            w.writeStartSegment("SVC");
            List<String> code = new ArrayList<>();
            code.add("HC");
            code.add(line.code());
            code.addAll(line.modifiers());
            composite(w, code.toArray(String[]::new));
            element(w, amount(line.billed()));
            element(w, amount(line.paid()));
            w.writeEmptyElement();
            element(w, String.valueOf(line.units()));
            w.writeEndSegment();
            count[0]++;
            if (line.serviceDate() != null) {
                seg(w, count, "DTM", "472", line.serviceDate().format(D8));
            }
            cas(w, count, line.adjustments());
            seg(w, count, "AMT", "B6", amount(line.allowed()));
            List<String> remarks = line.adjustments().stream()
                    .flatMap(a -> a.rarc().stream())
                    .distinct()
                    .toList();
            for (String rarc : remarks) {
                seg(w, count, "LQ", "HE", rarc);
            }
        }
    }

    /** One CAS per group, up to six reason/amount pairs each, as the 835 allows. */
    private static void cas(EDIStreamWriter w, int[] count, List<Adjustment> adjustments) throws EDIStreamException {
        for (GroupCode group : GroupCode.values()) {
            List<Adjustment> inGroup = adjustments.stream()
                    .filter(a -> a.group() == group && a.amount().signum() != 0)
                    .toList();
            for (int start = 0; start < inGroup.size(); start += 6) {
                List<String> elements = new ArrayList<>();
                elements.add(group.name());
                for (Adjustment a : inGroup.subList(start, Math.min(start + 6, inGroup.size()))) {
                    elements.add(a.carc());
                    elements.add(amount(a.amount()));
                    elements.add("");
                }
                seg(w, count, "CAS", elements.toArray(String[]::new));
            }
        }
    }

    /** CLP02: 1 processed as primary, 4 denied, 22 reversal of a previous payment. */
    private static String claimStatusCode(ClaimStatus status) {
        return switch (status) {
            case DENIED -> "4";
            case REVERSED -> "22";
            default -> "1";
        };
    }

    private static String filingIndicator(String payerId) {
        String id = ClaimText.nz(payerId);
        if (id.startsWith("medicare")) {
            return "MB";
        }
        if (id.startsWith("medicaid")) {
            return "MC";
        }
        return "12"; // CLP06 for a preferred provider organization (CI is an 837 code, not an 835 one)
    }

    private static void seg(EDIStreamWriter w, int[] count, String tag, String... elements) throws EDIStreamException {
        segment(w, tag, elements);
        count[0]++;
    }
}
