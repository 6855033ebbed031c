package org.chart2claim.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Mutable builder for {@link Claim}: used by the scenario converter, the claim form and tests. */
public final class ClaimBuilder {
    private String patientControlNumber = "";
    private String payerId = "";
    private String payerName = "";
    private Insured insured = new Insured("", PersonName.of("", ""), null, Sex.U, Address.empty(), "", "");
    private Patient patient = new Patient(PersonName.of("", ""), null, Sex.U, Address.empty());
    private Relationship relationship = Relationship.SELF;
    private OtherCoverage otherCoverage;
    private AccidentIndicators accident = AccidentIndicators.none();
    private Provider referring = Provider.none();
    private String priorAuthorization = "";
    private final List<String> diagnoses = new ArrayList<>();
    private final List<ServiceLine> lines = new ArrayList<>();
    private BillingProvider billing = new BillingProvider("", "", "", Address.empty(), "");
    private Provider rendering = Provider.none();
    private String placeOfService = "11";
    private FrequencyCode frequency = FrequencyCode.ORIGINAL;
    private String originalClaimNumber = "";
    private boolean acceptAssignment = true;

    public static ClaimBuilder from(Claim c) {
        ClaimBuilder b = new ClaimBuilder();
        b.patientControlNumber = c.patientControlNumber();
        b.payerId = c.payerId();
        b.payerName = c.payerName();
        b.insured = c.insured();
        b.patient = c.patient();
        b.relationship = c.relationship();
        b.otherCoverage = c.otherCoverage();
        b.accident = c.accident();
        b.referring = c.referring();
        b.priorAuthorization = c.priorAuthorization();
        b.diagnoses.addAll(c.diagnoses());
        b.lines.addAll(c.lines());
        b.billing = c.billing();
        b.rendering = c.rendering();
        b.placeOfService = c.placeOfService();
        b.frequency = c.frequency();
        b.originalClaimNumber = c.originalClaimNumber();
        b.acceptAssignment = c.acceptAssignment();
        return b;
    }

    public ClaimBuilder patientControlNumber(String v) {
        patientControlNumber = v;
        return this;
    }

    public ClaimBuilder payer(String id, String name) {
        payerId = id;
        payerName = name;
        return this;
    }

    public ClaimBuilder insured(Insured v) {
        insured = v;
        return this;
    }

    public ClaimBuilder patient(Patient v) {
        patient = v;
        return this;
    }

    public ClaimBuilder relationship(Relationship v) {
        relationship = v;
        return this;
    }

    public ClaimBuilder otherCoverage(OtherCoverage v) {
        otherCoverage = v;
        return this;
    }

    public ClaimBuilder accident(AccidentIndicators v) {
        accident = v;
        return this;
    }

    public ClaimBuilder referring(Provider v) {
        referring = v;
        return this;
    }

    public ClaimBuilder priorAuthorization(String v) {
        priorAuthorization = v;
        return this;
    }

    public ClaimBuilder diagnoses(List<String> v) {
        diagnoses.clear();
        if (v != null) {
            diagnoses.addAll(v);
        }
        return this;
    }

    public ClaimBuilder diagnoses(String... v) {
        return diagnoses(List.of(v));
    }

    public ClaimBuilder lines(List<ServiceLine> v) {
        lines.clear();
        if (v != null) {
            lines.addAll(v);
        }
        return this;
    }

    public ClaimBuilder billing(BillingProvider v) {
        billing = v;
        return this;
    }

    public ClaimBuilder rendering(Provider v) {
        rendering = v;
        return this;
    }

    public ClaimBuilder placeOfService(String v) {
        placeOfService = v;
        return this;
    }

    public ClaimBuilder frequency(FrequencyCode v, String originalNumber) {
        frequency = v;
        originalClaimNumber = originalNumber;
        return this;
    }

    public ClaimBuilder acceptAssignment(boolean v) {
        acceptAssignment = v;
        return this;
    }

    /** Adds a line dated {@code date} at the claim's place of service. */
    public ClaimBuilder line(
            LocalDate date, String code, List<String> modifiers, int units, List<Integer> pointers, BigDecimal charge) {
        lines.add(new ServiceLine(date, date, "", false, code, modifiers, pointers, charge, units, ""));
        return this;
    }

    public Claim build() {
        return new Claim(
                patientControlNumber,
                payerId,
                payerName,
                insured,
                patient,
                relationship,
                otherCoverage,
                accident,
                referring,
                priorAuthorization,
                diagnoses,
                lines,
                billing,
                rendering,
                placeOfService,
                frequency,
                originalClaimNumber,
                acceptAssignment);
    }
}
