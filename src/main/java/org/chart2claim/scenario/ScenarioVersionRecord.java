package org.chart2claim.scenario;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One published version of a scenario, as its file text: written once, never changed (there is no setter).
 * {@code source} is FILE for a shipped file (a changed file is a new version at start-up) or AUTHORED for a
 * publication in the editor, the API or an import.
 */
@Entity
@Table(name = "scenario_version")
public class ScenarioVersionRecord {

    public enum Source {
        FILE,
        AUTHORED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "scenario_id", nullable = false, length = 100, updatable = false)
    private String scenarioId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, length = 16, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Source source;

    @Column(name = "file_text", nullable = false, length = 400000, updatable = false)
    private String fileText;

    @Column(name = "content_hash", nullable = false, length = 64, updatable = false)
    private String contentHash;

    @Column(name = "published_by", length = 64, updatable = false)
    private String publishedBy;

    @Column(name = "change_note", length = 1000, updatable = false)
    private String changeNote;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    protected ScenarioVersionRecord() {
        // for JPA
    }

    public ScenarioVersionRecord(
            String scenarioId,
            int version,
            Source source,
            String fileText,
            String contentHash,
            String publishedBy,
            String changeNote) {
        this.scenarioId = scenarioId;
        this.version = version;
        this.source = source;
        this.fileText = fileText;
        this.contentHash = contentHash;
        this.publishedBy = publishedBy;
        this.changeNote =
                changeNote == null || changeNote.length() <= 1000 ? changeNote : changeNote.substring(0, 1000);
        this.publishedAt = Instant.now();
    }

    public String getScenarioId() {
        return scenarioId;
    }

    public int getVersion() {
        return version;
    }

    public Source getSource() {
        return source;
    }

    public String getFileText() {
        return fileText;
    }

    public String getContentHash() {
        return contentHash;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
