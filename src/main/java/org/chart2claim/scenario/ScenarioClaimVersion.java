package org.chart2claim.scenario;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which scenario version a submitted claim (by the payer's claim number) was built from. Written once. */
@Entity
@Table(name = "scenario_claim_version")
public class ScenarioClaimVersion {

    @Id
    @Column(name = "payer_claim_number", length = 40)
    private String payerClaimNumber;

    @Column(name = "scenario_id", nullable = false, length = 100, updatable = false)
    private String scenarioId;

    @Column(name = "scenario_version", nullable = false, updatable = false)
    private int scenarioVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected ScenarioClaimVersion() {
        // for JPA
    }

    public ScenarioClaimVersion(String payerClaimNumber, String scenarioId, int scenarioVersion) {
        this.payerClaimNumber = payerClaimNumber;
        this.scenarioId = scenarioId;
        this.scenarioVersion = scenarioVersion;
    }

    public String getScenarioId() {
        return scenarioId;
    }

    public int getScenarioVersion() {
        return scenarioVersion;
    }
}
