package org.chart2claim.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.scenario.EncounterView;

/**
 * What the exam engine shows to people. The student's records have no field for a key, a rationale or a correct
 * option: before release there is nothing to leak; {@link Results} exists only once results are released.
 */
public final class ExamViews {

    private ExamViews() {}

    /** One item as the student sees it; options by displayed letter (after the per-session shuffle). */
    public record StudentItem(
            int position, ItemType type, int part, String stem, Map<String, String> options, EncounterView scenario) {}

    /** The student's answer state of an item: the choice by displayed letter, or the coded answer. */
    public record AnswerState(
            int position, int part, boolean answered, boolean flagged, String choice, CodingAnswer coding) {}

    /** A session as its student (or a new device of theirs) resumes it. */
    public record SessionView(
            String sessionId,
            long assessmentId,
            String title,
            SessionStatus status,
            int part,
            int parts,
            Instant deadline,
            long remainingSeconds,
            boolean openBook,
            boolean released,
            Integer score,
            List<StudentItem> items,
            List<AnswerState> answers) {}

    /**
     * One item after release: the key and rationale next to the student's answer. The options, the answer and the key
     * are in the bank's order and letters (not the session's shuffle), the letters the rationale names options by.
     */
    public record ItemResult(
            int position,
            ItemType type,
            String ref,
            String domain,
            String stem,
            Map<String, String> options,
            String yourChoice,
            String key,
            int score,
            String rationale,
            GradeResult grade) {}

    public record Results(
            String sessionId,
            String title,
            String username,
            int score,
            Map<String, Integer> byDomain,
            Instant submittedAt,
            String submittedBy,
            int timeUsedSeconds,
            List<ItemResult> items) {}

    /** A proctor's line per session. */
    public record ProctorRow(
            String sessionId,
            String username,
            int attemptNo,
            SessionStatus status,
            int part,
            int answered,
            int total,
            long remainingSeconds,
            Instant startedAt,
            Instant lastActivityAt,
            int extraTimePercent,
            int extendedMinutes,
            String submittedBy,
            Integer score,
            String note) {}
}
