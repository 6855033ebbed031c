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

/**
 * A student's dispute of one element of an answer key ({@link KeyElement}) on the version their attempt was
 * graded on, with the argument and an optional citation; then the instructor's decision: ACCEPTED (the key
 * was changed in {@code newVersion}, optionally regrading) or REJECTED, with a written reply.
 */
@Entity
@Table(name = "scenario_dispute")
public class Dispute {

    public enum Status {
        OPEN,
        ACCEPTED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false, updatable = false)
    private long attemptId;

    @Column(nullable = false, length = 64, updatable = false)
    private String student;

    @Column(name = "scenario_id", nullable = false, length = 100, updatable = false)
    private String scenarioId;

    @Column(name = "scenario_version", nullable = false, updatable = false)
    private int scenarioVersion;

    @Column(nullable = false, length = 100, updatable = false)
    private String element;

    @Column(nullable = false, length = 4000, updatable = false)
    private String argument;

    @Column(length = 500, updatable = false)
    private String citation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.OPEN;

    @Column(length = 4000)
    private String reply;

    @Column(name = "resolved_by", length = 64)
    private String resolvedBy;

    @Column(name = "new_version")
    private Integer newVersion;

    private Integer regraded;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected Dispute() {
        // for JPA
    }

    public Dispute(
            long attemptId,
            String student,
            String scenarioId,
            int scenarioVersion,
            String element,
            String argument,
            String citation) {
        this.attemptId = attemptId;
        this.student = student;
        this.scenarioId = scenarioId;
        this.scenarioVersion = scenarioVersion;
        this.element = element;
        this.argument = argument;
        this.citation = citation;
    }

    void accept(String by, String reply, int newVersion, Integer regraded) {
        resolve(Status.ACCEPTED, by, reply);
        this.newVersion = newVersion;
        this.regraded = regraded;
    }

    void reject(String by, String reply) {
        resolve(Status.REJECTED, by, reply);
    }

    private void resolve(Status outcome, String by, String text) {
        if (status != Status.OPEN) {
            throw new IllegalStateException(
                    "Dispute " + id + " was already " + status.name().toLowerCase());
        }
        this.status = outcome;
        this.resolvedBy = by;
        this.reply = text;
        this.resolvedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getAttemptId() {
        return attemptId;
    }

    public String getStudent() {
        return student;
    }

    public String getScenarioId() {
        return scenarioId;
    }

    public int getScenarioVersion() {
        return scenarioVersion;
    }

    public String getElement() {
        return element;
    }

    public String getArgument() {
        return argument;
    }

    public String getCitation() {
        return citation;
    }

    public Status getStatus() {
        return status;
    }

    public String getReply() {
        return reply;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Integer getNewVersion() {
        return newVersion;
    }

    public Integer getRegraded() {
        return regraded;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
