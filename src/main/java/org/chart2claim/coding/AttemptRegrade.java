package org.chart2claim.coding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One earlier grade of a regraded attempt: the score and result it had on the old version, the score it got
 * on the new one, who regraded it and why. Written once; the attempt's history is the list of these.
 */
@Entity
@Table(name = "coding_attempt_regrade")
public class AttemptRegrade {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false, updatable = false)
    private long attemptId;

    @Column(name = "old_version", nullable = false, updatable = false)
    private int oldVersion;

    @Column(name = "old_score", nullable = false, updatable = false)
    private int oldScore;

    @Column(name = "old_result_json", nullable = false, length = 400000, updatable = false)
    private String oldResultJson;

    @Column(name = "new_version", nullable = false, updatable = false)
    private int newVersion;

    @Column(name = "new_score", nullable = false, updatable = false)
    private int newScore;

    @Column(nullable = false, length = 1000, updatable = false)
    private String reason;

    @Column(name = "regraded_by", nullable = false, length = 64, updatable = false)
    private String regradedBy;

    @Column(name = "regraded_at", nullable = false, updatable = false)
    private Instant regradedAt;

    protected AttemptRegrade() {
        // for JPA
    }

    AttemptRegrade(CodingAttempt before, int newVersion, int newScore, String reason, String regradedBy) {
        this.attemptId = before.getId();
        this.oldVersion = before.getScenarioVersion();
        this.oldScore = before.getScore();
        this.oldResultJson = before.getResultJson();
        this.newVersion = newVersion;
        this.newScore = newScore;
        this.reason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        this.regradedBy = regradedBy;
        this.regradedAt = Instant.now();
    }

    public long getAttemptId() {
        return attemptId;
    }

    public int getOldVersion() {
        return oldVersion;
    }

    public int getOldScore() {
        return oldScore;
    }

    public String getOldResultJson() {
        return oldResultJson;
    }

    public int getNewVersion() {
        return newVersion;
    }

    public int getNewScore() {
        return newScore;
    }

    public String getReason() {
        return reason;
    }

    public String getRegradedBy() {
        return regradedBy;
    }

    public Instant getRegradedAt() {
        return regradedAt;
    }
}
