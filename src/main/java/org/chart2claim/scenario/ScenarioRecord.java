package org.chart2claim.scenario;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The database's view of a scenario file: enough for attempts to refer to it and for the catalogue to
 * survive a file being removed (then {@code available} is false and old attempts stay readable).
 */
@Entity
@Table(name = "scenario")
public class ScenarioRecord {

    @Id
    @Column(length = 100)
    private String id;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 100)
    private String specialty;

    @Column(nullable = false)
    private int difficulty;

    @Column(nullable = false, length = 1000)
    private String tags;

    @Column(name = "code_set_year", nullable = false, length = 10)
    private String codeSetYear;

    @Column(name = "source_file", nullable = false, length = 255)
    private String sourceFile;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(nullable = false)
    private boolean available;

    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    @Column(name = "current_version", nullable = false)
    private int currentVersion = 1;

    /** The instructor who first published an authored scenario; null for shipped ones. */
    @Column(length = 64)
    private String owner;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ScenarioVisibility visibility = ScenarioVisibility.EVERYBODY;

    /** Hidden from the catalogue; its attempts, versions and claims stay. */
    @Column(nullable = false)
    private boolean retired;

    protected ScenarioRecord() {
        // for JPA
    }

    public ScenarioRecord(String id) {
        this.id = id;
    }

    /** Copies the file's metadata; returns true when anything changed. */
    public boolean updateFrom(Scenario s) {
        boolean changed = !s.contentHash().equals(contentHash) || !available;
        title = s.title();
        specialty = s.specialty();
        difficulty = s.difficulty();
        tags = truncate(String.join(", ", s.tags()), 1000);
        codeSetYear = s.codeSetYear();
        sourceFile = s.sourceFile();
        contentHash = s.contentHash();
        available = true;
        syncedAt = Instant.now();
        return changed;
    }

    public void setCurrentVersion(int version) {
        this.currentVersion = version;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public String getOwner() {
        return owner;
    }

    /** The first publisher owns an authored scenario; shipped scenarios have no owner. */
    public void claimOwnership(String username) {
        if (owner == null) {
            owner = username;
        }
    }

    public ScenarioVisibility getVisibility() {
        return visibility;
    }

    public void setVisibility(ScenarioVisibility visibility) {
        this.visibility = visibility;
    }

    public boolean isRetired() {
        return retired;
    }

    public void setRetired(boolean retired) {
        this.retired = retired;
    }

    public void markUnavailable() {
        available = false;
        syncedAt = Instant.now();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSpecialty() {
        return specialty;
    }

    public boolean isAvailable() {
        return available;
    }

    public String getContentHash() {
        return contentHash;
    }
}
