package org.chart2claim.payer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One submitted claim with its adjudication, stored as JSON so the remittance can be shown again later. */
@Entity
@Table(name = "payer_claim")
public class PayerClaimRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 100)
    private String ledger;

    @Column(name = "scenario_id", length = 100)
    private String scenarioId;

    @Column(name = "patient_control_number", nullable = false, length = 40)
    private String patientControlNumber;

    @Column(name = "payer_claim_number", length = 20)
    private String payerClaimNumber;

    @Column(name = "payer_id", nullable = false, length = 40)
    private String payerId;

    @Column(name = "member_id", nullable = false, length = 80)
    private String memberId;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal billed;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal paid;

    @Column(name = "patient_responsibility", nullable = false, precision = 12, scale = 2)
    private BigDecimal patientResponsibility;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "claim_json", nullable = false, length = 1000000)
    private String claimJson;

    @Column(name = "result_json", length = 1000000)
    private String resultJson;

    /** What the record supports ({@link DocumentedEncounter} as JSON), null when none came with the claim. */
    @Column(name = "documentation_json", length = 200000)
    private String documentationJson;

    protected PayerClaimRecord() {}

    PayerClaimRecord(
            String username,
            String ledger,
            String scenarioId,
            String patientControlNumber,
            String payerId,
            String memberId,
            LocalDate receivedOn,
            String claimJson,
            String documentationJson) {
        this.username = username;
        this.ledger = ledger;
        this.scenarioId = scenarioId;
        this.patientControlNumber = cut(patientControlNumber, 40);
        this.payerId = cut(payerId, 40);
        this.memberId = cut(memberId, 80);
        this.receivedOn = receivedOn;
        this.claimJson = claimJson;
        this.documentationJson = documentationJson;
        this.status = "RECEIVED";
        this.billed = BigDecimal.ZERO;
        this.paid = BigDecimal.ZERO;
        this.patientResponsibility = BigDecimal.ZERO;
        this.submittedAt = Instant.now();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) : s;
    }

    void assignPayerClaimNumber() {
        this.payerClaimNumber = String.format("SIM%08d", id);
    }

    /** A reversal carries the number of the claim it takes back (835 CLP07 of the reversed claim). */
    void assignPayerClaimNumber(String reversedClaimNumber) {
        this.payerClaimNumber = cut(reversedClaimNumber, 20);
    }

    void record(ClaimResult result, String json) {
        this.status = result.status().name();
        this.billed = result.billed();
        this.paid = result.paid();
        this.patientResponsibility = result.patientResponsibility();
        this.resultJson = json;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getLedger() {
        return ledger;
    }

    public String getScenarioId() {
        return scenarioId;
    }

    public String getPatientControlNumber() {
        return patientControlNumber;
    }

    public String getPayerClaimNumber() {
        return payerClaimNumber;
    }

    public String getPayerId() {
        return payerId;
    }

    public String getStatus() {
        return status;
    }

    public BigDecimal getBilled() {
        return billed;
    }

    public BigDecimal getPaid() {
        return paid;
    }

    public BigDecimal getPatientResponsibility() {
        return patientResponsibility;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getClaimJson() {
        return claimJson;
    }

    public String getResultJson() {
        return resultJson;
    }

    public String getDocumentationJson() {
        return documentationJson;
    }
}
