package org.chart2claim.coding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One learner's work on one scenario in one context (practice or an exam sitting, {@link AttemptContext}):
 * a DRAFT (autosaved, at most one per learner, scenario and context) that becomes SUBMITTED with its score
 * and graded result. The answer and result are stored as JSON. Only the first submitted attempt of a
 * scenario in a context counts; later ones are marked {@code afterKey}.
 */
@Entity
@Table(name = "coding_attempt")
public class CodingAttempt {

    public enum Status {
        DRAFT,
        SUBMITTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "scenario_id", nullable = false, length = 100)
    private String scenarioId;

    @Column(nullable = false, length = 100)
    private String context = AttemptContext.PRACTICE.key();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.DRAFT;

    @Column(name = "answer_json", nullable = false, length = 100000)
    private String answerJson;

    @Column(name = "result_json", length = 400000)
    private String resultJson;

    private Integer score;

    @Column(name = "scenario_hash", nullable = false, length = 64)
    private String scenarioHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** The scenario version the attempt was made (and last graded) on. */
    @Column(name = "scenario_version", nullable = false)
    private int scenarioVersion = 1;

    /** Submitted after an earlier graded attempt of the same scenario showed the key: it does not count. */
    @Column(name = "after_key", nullable = false)
    private boolean afterKey;

    protected CodingAttempt() {
        // for JPA
    }

    public CodingAttempt(String username, String scenarioId, String scenarioHash, String answerJson) {
        this(username, AttemptContext.PRACTICE, scenarioId, scenarioHash, answerJson);
    }

    public CodingAttempt(
            String username, AttemptContext context, String scenarioId, String scenarioHash, String answerJson) {
        this.username = username;
        this.context = context.key();
        this.scenarioId = scenarioId;
        this.scenarioHash = scenarioHash;
        this.answerJson = answerJson;
    }

    public void saveAnswer(String json) {
        this.answerJson = json;
        this.updatedAt = Instant.now();
    }

    public void submit(String json, int score, String resultJson, String scenarioHash, int scenarioVersion) {
        this.scenarioVersion = scenarioVersion;
        this.answerJson = json;
        this.score = score;
        this.resultJson = resultJson;
        this.scenarioHash = scenarioHash;
        this.status = Status.SUBMITTED;
        this.submittedAt = Instant.now();
        this.updatedAt = submittedAt;
    }

    /**
     * Grades the stored answer again on a newer version of the key (an accepted dispute). The caller keeps the
     * earlier grade in the attempt's history first: a grade never changes silently.
     */
    public void regrade(int score, String resultJson, String scenarioHash, int scenarioVersion) {
        this.score = score;
        this.resultJson = resultJson;
        this.scenarioHash = scenarioHash;
        this.scenarioVersion = scenarioVersion;
        this.updatedAt = Instant.now();
    }

    public int getScenarioVersion() {
        return scenarioVersion;
    }

    /** Marks this attempt as made after the key was shown (an earlier attempt of the scenario was graded). */
    public void markAfterKey() {
        this.afterKey = true;
    }

    public boolean isAfterKey() {
        return afterKey;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public AttemptContext getContext() {
        return AttemptContext.of(context);
    }

    public String getScenarioId() {
        return scenarioId;
    }

    public Status getStatus() {
        return status;
    }

    public String getAnswerJson() {
        return answerJson;
    }

    public String getResultJson() {
        return resultJson;
    }

    public Integer getScore() {
        return score;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
