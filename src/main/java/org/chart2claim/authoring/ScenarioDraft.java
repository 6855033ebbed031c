package org.chart2claim.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.chart2claim.scenario.ScenarioVisibility;

/**
 * An instructor's unpublished work on a scenario: the file text as the editor last saved it (it may be invalid;
 * only publishing validates). {@code scenarioId} is the id the text had when saved, for the list.
 */
@Entity
@Table(name = "scenario_draft")
public class ScenarioDraft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64, updatable = false)
    private String owner;

    @Column(name = "scenario_id", length = 100)
    private String scenarioId;

    @Column(name = "file_text", nullable = false, length = 400000)
    private String fileText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ScenarioVisibility visibility = ScenarioVisibility.COHORTS;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected ScenarioDraft() {
        // for JPA
    }

    public ScenarioDraft(String owner) {
        this.owner = owner;
    }

    public void save(String scenarioId, String fileText, ScenarioVisibility visibility) {
        this.scenarioId = scenarioId == null || scenarioId.length() <= 100 ? scenarioId : scenarioId.substring(0, 100);
        this.fileText = fileText;
        this.visibility = visibility;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getScenarioId() {
        return scenarioId;
    }

    public String getFileText() {
        return fileText;
    }

    public ScenarioVisibility getVisibility() {
        return visibility;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
