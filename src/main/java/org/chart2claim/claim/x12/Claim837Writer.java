package org.chart2claim.claim.x12;

import static org.chart2claim.standard.x12.X12Writing.D8;
import static org.chart2claim.standard.x12.X12Writing.amount;
import static org.chart2claim.standard.x12.X12Writing.composite;
import static org.chart2claim.standard.x12.X12Writing.element;
import static org.chart2claim.standard.x12.X12Writing.segment;
import static org.chart2claim.standard.x12.X12Writing.upper;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.OtherCoverage;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Relationship;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.standard.x12.X12Envelope;
import org.chart2claim.standard.x12.X12Writing;

/**
 * Writes claims as one X12 837P (005010X222A1) interchange with StAEDI: one ST/SE transaction holding a
 * billing-provider HL (20), subscriber HL (22) and, when the patient is not the subscriber, a patient HL
 * (23) per claim. The writer counts segments itself for SE01, and StAEDI checks the envelope.
 */
public final class Claim837Writer {

    public String write(List<Claim> claims, X12Envelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(claims, envelope, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    public void write(Iterable<Claim> claims, X12Envelope env, OutputStream out) {
        try (EDIStreamWriter w = X12Writing.newWriter(out)) {
            X12Writing.writeIsaGs(w, env, "HC", Claim837Reader.VERSION);
            Counter n = new Counter(w);
            n.seg("ST", "837", "0001", Claim837Reader.VERSION);
            n.seg(
                    "BHT",
                    "0019",
                    "00",
                    String.valueOf(env.controlNumber()),
                    env.created().format(D8),
                    env.created().format(java.time.format.DateTimeFormatter.ofPattern("HHmm")),
                    "CH");
            n.seg("NM1", "41", "2", env.senderId(), "", "", "", "", "46", env.senderId());
            n.seg("PER", "IC", "BILLING OFFICE", "TE", "5550100100");
            n.seg("NM1", "40", "2", env.receiverId(), "", "", "", "", "46", env.receiverId());
            int hl = 0;
            for (Claim c : claims) {
                int billingHl = ++hl;
                n.seg("HL", String.valueOf(billingHl), "", "20", "1");
                n.seg(
                        "NM1",
                        "85",
                        "2",
                        upper(c.billing().name()),
                        "",
                        "",
                        "",
                        "",
                        "XX",
                        c.billing().npi());
                address(n, c.billing().address());
                n.seg("REF", "EI", c.billing().taxId().replace("-", ""));
                boolean patientIsSubscriber = c.relationship() == Relationship.SELF;
                int subscriberHl = ++hl;
                n.seg(
                        "HL",
                        String.valueOf(subscriberHl),
                        String.valueOf(billingHl),
                        "22",
                        patientIsSubscriber ? "0" : "1");
                Insured ins = c.insured();
                n.seg(
                        "SBR",
                        // a claim carrying the primary's payment goes to this payer as secondary
                        c.otherCoverage() != null && c.otherCoverage().priorPayment() != null ? "S" : "P",
                        patientIsSubscriber ? "18" : "",
                        ins.groupNumber(),
                        upper(ins.planName()),
                        "",
                        "",
                        "",
                        "",
                        claimFilingIndicator(c.payerId()));
                person(n, "IL", ins.name(), "MI", ins.memberId());
                address(n, ins.address());
                if (ins.birthDate() != null) {
                    n.seg("DMG", "D8", ins.birthDate().format(D8), ins.sex().name());
                }
                n.seg(
                        "NM1",
                        "PR",
                        "2",
                        upper(ClaimText.isBlank(c.payerName()) ? c.payerId() : c.payerName()),
                        "",
                        "",
                        "",
                        "",
                        "PI",
                        c.payerId());
                if (!patientIsSubscriber) {
                    n.seg("HL", String.valueOf(++hl), String.valueOf(subscriberHl), "23", "0");
                    n.seg("PAT", c.relationship().x12Code());
                    Patient p = c.patient();
                    person(n, "QC", p.name(), "", "");
                    address(n, p.address());
                    n.seg(
                            "DMG",
                            "D8",
                            p.birthDate() == null ? "" : p.birthDate().format(D8),
                            p.sex().name());
                }
                claim(n, c);
            }
            n.seg("SE", String.valueOf(n.count + 1), "0001");
            X12Writing.writeGeIea(w, env, 1);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write 837P: " + e.getMessage(), e);
        }
    }

    private static void claim(Counter n, Claim c) throws EDIStreamException {
        EDIStreamWriter w = n.w;
        w.writeStartSegment("CLM");
        element(w, c.patientControlNumber());
        element(w, amount(c.totalCharge()));
        w.writeEmptyElement();
        w.writeEmptyElement();
        composite(w, c.placeOfService(), "B", c.frequency().code());
        element(w, "Y");
        element(w, c.acceptAssignment() ? "A" : "C");
        element(w, "Y");
        element(w, "Y");
        if (c.accident().any()) {
            w.writeEmptyElement();
            List<String> causes = new ArrayList<>();
            if (c.accident().employment()) {
                causes.add("EM");
            }
            if (c.accident().autoAccident()) {
                causes.add("AA");
            }
            if (c.accident().otherAccident()) {
                causes.add("OA");
            }
            while (causes.size() < 3) {
                causes.add("");
            }
            causes.add(c.accident().autoAccident() ? c.accident().autoAccidentState() : "");
            composite(w, causes.toArray(String[]::new));
        }
        w.writeEndSegment();
        n.count++;
        if (c.frequency().needsOriginalClaimNumber()) {
            n.seg("REF", "F8", c.originalClaimNumber());
        }
        if (!ClaimText.isBlank(c.priorAuthorization())) {
            n.seg("REF", "G1", c.priorAuthorization());
        }
        if (!c.diagnoses().isEmpty()) {
            w.writeStartSegment("HI");
            for (int i = 0; i < c.diagnoses().size(); i++) {
                composite(
                        w,
                        i == 0 ? "ABK" : "ABF",
                        CodeFormat.undotted(c.diagnoses().get(i)));
            }
            w.writeEndSegment();
            n.count++;
        }
        if (c.referring().present()) {
            person(n, "DN", c.referring().name(), "XX", c.referring().npi());
        }
        if (c.rendering().present()) {
            person(n, "82", c.rendering().name(), "XX", c.rendering().npi());
        }
        if (c.otherCoverage() != null) {
            // 2320 other subscriber, with the 2330A other insured and 2330B other payer the guide requires
            var other = c.otherCoverage();
            var prior = other.priorPayment();
            n.seg(
                    "SBR",
                    prior != null ? "P" : "S",
                    "18",
                    other.policyNumber(),
                    upper(other.planName()),
                    "",
                    "",
                    "",
                    "",
                    prior != null ? claimFilingIndicator(prior.payerId()) : "ZZ");
            if (prior != null) {
                n.seg("AMT", "D", amount(prior.paid())); // payer paid amount (box 29)
            }
            n.seg("OI", "", "", "Y", "P", "", "Y");
            PersonName otherName = other.otherInsured() == null
                            || ClaimText.isBlank(other.otherInsured().last())
                    ? c.insured().name()
                    : other.otherInsured();
            person(n, "IL", otherName, "MI", other.policyNumber());
            n.seg(
                    "NM1",
                    "PR",
                    "2",
                    upper(ClaimText.isBlank(other.planName()) ? "OTHER PAYER" : other.planName()),
                    "",
                    "",
                    "",
                    "",
                    "PI",
                    prior != null && !ClaimText.isBlank(prior.payerId()) ? prior.payerId() : "OTHER");
            if (prior != null && prior.adjudicatedOn() != null) {
                n.seg("DTP", "573", "D8", prior.adjudicatedOn().format(D8));
            }
        }
        int lx = 0;
        for (ServiceLine line : c.lines()) {
            n.seg("LX", String.valueOf(++lx));
            w.writeStartSegment("SV1");
            List<String> code = new ArrayList<>();
            code.add("HC");
            code.add(line.code());
            code.addAll(line.modifiers());
            composite(w, code.toArray(String[]::new));
            element(w, amount(line.charge()));
            element(w, "UN");
            element(w, String.valueOf(line.units()));
            element(
                    w,
                    ClaimText.isBlank(line.placeOfService())
                                    || line.placeOfService().equals(c.placeOfService())
                            ? ""
                            : line.placeOfService());
            w.writeEmptyElement();
            composite(w, line.pointers().stream().map(String::valueOf).toArray(String[]::new));
            if (line.emergency()) {
                w.writeEmptyElement();
                element(w, "Y");
            }
            w.writeEndSegment();
            n.count++;
            if (line.from() != null) {
                if (line.to() != null && !line.to().equals(line.from())) {
                    n.seg(
                            "DTP",
                            "472",
                            "RD8",
                            line.from().format(D8) + "-" + line.to().format(D8));
                } else {
                    n.seg("DTP", "472", "D8", line.from().format(D8));
                }
            }
            if (!ClaimText.isBlank(line.renderingNpi())
                    && !line.renderingNpi().equals(c.rendering().npi())) {
                n.seg("NM1", "82", "1", "RENDERING", "", "", "", "", "XX", line.renderingNpi());
            }
            if (c.otherCoverage() != null && c.otherCoverage().priorPayment() != null) {
                linePayment(n, c.otherCoverage().priorPayment(), lx, line);
            }
        }
    }

    /** 2430 line adjudication: what the primary paid on this line (SVD), its adjustments (CAS) and date (573). */
    private static void linePayment(Counter n, OtherCoverage.PriorPayment prior, int number, ServiceLine line)
            throws EDIStreamException {
        OtherCoverage.LinePayment paid = prior.lines().stream()
                .filter(l -> l.line() == number)
                .findFirst()
                .orElse(null);
        if (paid == null) {
            return;
        }
        List<String> code = new ArrayList<>();
        code.add("HC");
        code.add(line.code());
        code.addAll(line.modifiers());
        n.w.writeStartSegment("SVD");
        element(n.w, ClaimText.isBlank(prior.payerId()) ? "OTHER" : prior.payerId());
        element(n.w, amount(paid.paid()));
        composite(n.w, code.toArray(String[]::new));
        n.w.writeEmptyElement();
        element(n.w, String.valueOf(line.units()));
        n.w.writeEndSegment();
        n.count++;
        for (String group : paid.adjustments().stream()
                .map(OtherCoverage.PriorAdjustment::group)
                .distinct()
                .toList()) {
            List<String> cas = new ArrayList<>();
            cas.add(group);
            for (OtherCoverage.PriorAdjustment a : paid.adjustments()) {
                if (a.group().equals(group) && cas.size() < 19) {
                    cas.add(a.carc());
                    cas.add(amount(a.amount()));
                    cas.add("");
                }
            }
            while (cas.getLast().isEmpty()) {
                cas.removeLast();
            }
            n.seg("CAS", cas.toArray(String[]::new));
        }
        if (prior.adjudicatedOn() != null) {
            n.seg("DTP", "573", "D8", prior.adjudicatedOn().format(D8));
        }
    }

    /** SBR09: MB Medicare Part B, MC Medicaid, CI commercial, from our payer id naming. */
    static String claimFilingIndicator(String payerId) {
        String id = ClaimText.nz(payerId).toLowerCase(java.util.Locale.ROOT);
        if (id.startsWith("medicare")) {
            return "MB";
        }
        if (id.startsWith("medicaid")) {
            return "MC";
        }
        return "CI";
    }

    private static void person(Counter n, String entity, PersonName name, String idQualifier, String id)
            throws EDIStreamException {
        PersonName nm = name == null ? PersonName.of("", "") : name;
        boolean organisation = ClaimText.isBlank(nm.first());
        n.seg(
                "NM1",
                entity,
                organisation ? "2" : "1",
                upper(nm.last()),
                upper(nm.first()),
                upper(nm.middle()),
                "",
                "",
                ClaimText.isBlank(id) ? "" : idQualifier,
                id);
    }

    private static void address(Counter n, Address a) throws EDIStreamException {
        if (a == null) {
            return;
        }
        if (!ClaimText.isBlank(a.line1())) {
            n.seg("N3", upper(a.line1()), upper(a.line2()));
        }
        if (!ClaimText.isBlank(a.city())) {
            n.seg("N4", upper(a.city()), upper(a.state()), a.zip());
        }
    }

    /** Counts transaction segments for SE01 while writing. */
    static final class Counter {
        final EDIStreamWriter w;
        int count;

        Counter(EDIStreamWriter w) {
            this.w = w;
        }

        void seg(String tag, String... elements) throws EDIStreamException {
            segment(w, tag, elements);
            count++;
        }
    }
}
