package org.chart2claim.assessment;

import java.time.Instant;

/** The stored rows of the exam engine, as plain records ({@link ExamStore} reads and writes them). */
public final class ExamRecords {

    private ExamRecords() {}

    public record AssessmentRow(
            long id,
            String title,
            String createdBy,
            Long cohortId,
            int timeLimitMinutes,
            Instant opensAt,
            Instant closesAt,
            int attemptsAllowed,
            boolean openBook,
            boolean shuffle,
            ReleaseMode release,
            Instant releasedAt,
            int parts,
            int breakMinutes,
            Composition composition,
            Instant createdAt) {}

    /** A student's accommodation: extra time, another window (null: the exam's), extra attempts. */
    public record Accommodation(
            long assessmentId,
            String username,
            int extraTimePercent,
            Instant opensAt,
            Instant closesAt,
            int extraAttempts) {

        public static Accommodation none(long assessmentId, String username) {
            return new Accommodation(assessmentId, username, 0, null, null, 0);
        }

        public boolean isAny() {
            return extraTimePercent > 0 || opensAt != null || closesAt != null || extraAttempts > 0;
        }
    }

    public record SessionRow(
            String id,
            long assessmentId,
            String username,
            int attemptNo,
            SessionStatus status,
            int part,
            Instant startedAt,
            Instant partStartedAt,
            Instant deadline,
            int partMinutes,
            int extraTimePercent,
            int extendedMinutes,
            Instant lastActivityAt,
            Instant submittedAt,
            String submittedBy,
            String note,
            Integer score,
            Integer timeUsedSeconds) {

        /** The same session with its running part's deadline {@code minutes} later (a proctor's extension). */
        public SessionRow extended(int minutes) {
            return new SessionRow(
                    id,
                    assessmentId,
                    username,
                    attemptNo,
                    status,
                    part,
                    startedAt,
                    partStartedAt,
                    deadline.plusSeconds(60L * minutes),
                    partMinutes,
                    extraTimePercent,
                    extendedMinutes + minutes,
                    lastActivityAt,
                    submittedAt,
                    submittedBy,
                    note,
                    score,
                    timeUsedSeconds);
        }
    }

    /**
     * One item of a session. {@code choice} and {@code answerKey} are original option letters (during the exam a
     * student sees displayed letters, through {@code optionOrder}; results list the options in the bank's order).
     */
    public record ItemRow(
            String sessionId,
            int position,
            ItemType type,
            String ref,
            String domain,
            int part,
            String optionOrder,
            String answerKey,
            String choice,
            String codingJson,
            boolean flagged,
            Instant answeredAt,
            Integer score,
            String resultJson) {

        public boolean answered() {
            return type == ItemType.QUESTION ? choice != null : codingJson != null;
        }
    }

    /** One line of a session's log: started, part ended, submitted (by whom), extended, closed. */
    public record Event(String sessionId, String kind, Instant at, String actor, String server, String detail) {}
}
