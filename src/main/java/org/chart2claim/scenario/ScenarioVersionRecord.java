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

    /** What the simulated payer answered to the key when it was published (null for shipped files). */
    @Column(name = "payer_check", length = 1000, updatable = false)
    private String payerCheck;

    /** Why it was published although the payer did not pay the key cleanly (null when it did). */
    @Column(name = "payer_override", length = 1000, updatable = false)
    private String payerOverride;

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

    /** An authored version with what the payer answered to its key and, if it denied it, the publisher's reason. */
    public ScenarioVersionRecord(
            String scenarioId,
            int version,
            String fileText,
            String contentHash,
            String publishedBy,
            String changeNote,
            String payerCheck,
            String payerOverride) {
        this(scenarioId, version, Source.AUTHORED, fileText, contentHash, publishedBy, changeNote);
        this.payerCheck = cut(payerCheck);
        this.payerOverride = cut(payerOverride);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
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

    public String getPayerCheck() {
        return payerCheck;
    }

    public String getPayerOverride() {
        return payerOverride;
    }
}
